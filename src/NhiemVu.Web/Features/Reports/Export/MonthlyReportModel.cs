using System.Globalization;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports.Export;

/// <summary>
/// The monthly report to the Chairman (seed 000 item 2b, seed 002 art. 6.5), as plain data: the
/// writer never reads the database. Build the figures with <see cref="AsOfStatistics"/> and the
/// <c>From</c> helpers below.
/// </summary>
/// <param name="ProvinceName">"Đồng Tháp" — printed as "UBND TỈNH ĐỒNG THÁP".</param>
/// <param name="IssuingBody">"VĂN PHÒNG" — the issuing body under the province's People's Committee.</param>
/// <param name="SymbolSuffix">The number-and-symbol's symbol: "BC-VP" prints "Số:      /BC-VP".</param>
/// <param name="Place">The place in the date line ("Đồng Tháp").</param>
/// <param name="IssueDate">The report's date (place-and-date line).</param>
/// <param name="Month">The month reported on (1–12).</param>
/// <param name="Year">The year of that month.</param>
/// <param name="AsOfDate">The local date the figures are as of ("Tính đến ngày …").</param>
/// <param name="Summary">The summary figures.</param>
/// <param name="Units">Rows of the per-unit table.</param>
/// <param name="Overdue">Rows of the overdue list.</param>
/// <param name="Recipients">"Nơi nhận:" lines, without the leading dash; the last is usually "Lưu: VT, …".</param>
/// <param name="SignerAuthority">Lines above the signature, e.g. "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG".</param>
/// <param name="SignerName">The signer's full name.</param>
/// <param name="Proposals">Paragraphs of the "Đề xuất, kiến nghị" part; none: the part is left out.</param>
/// <param name="NoDeadlineReasons">Why the no-deadline tasks have none (seed 002 art. 3.3): each recorded reason with
/// its number of assignments, most frequent first; none: not listed.</param>
/// <param name="OverdueNotListed">Overdue assignments beyond the <see cref="Overdue"/> list (which keeps the most overdue):
/// the report says how many and where the whole list is.</param>
public sealed record MonthlyReport(
    string ProvinceName,
    string IssuingBody,
    string SymbolSuffix,
    string Place,
    DateOnly IssueDate,
    int Month,
    int Year,
    DateOnly AsOfDate,
    MonthlySummary Summary,
    IReadOnlyList<MonthlyUnitRow> Units,
    IReadOnlyList<MonthlyOverdueRow> Overdue,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> SignerAuthority,
    string SignerName,
    IReadOnlyList<string>? Proposals = null,
    IReadOnlyList<(string Reason, int Count)>? NoDeadlineReasons = null,
    int OverdueNotListed = 0);

/// <summary>The summary figures of the month (see <see cref="GroupStatistics"/> for the definitions).</summary>
public sealed record MonthlySummary(
    int Total,
    int CompletedEarly,
    int CompletedOnTime,
    int CompletedLate,
    int InProgressWithinDeadline,
    int InProgressOverdue,
    int NoDeadline,
    int AwaitingConfirmation,
    int MissingExplanation,
    int ApprovedExtensions,
    int IncompleteInformation,
    decimal? OnTimeRate,
    decimal? CompletionRate)
{
    public int Completed => CompletedEarly + CompletedOnTime + CompletedLate;
    public int InProgress => InProgressWithinDeadline + InProgressOverdue;

    public static MonthlySummary From(GroupStatistics s, int incomplete)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Total, s.CompletedEarly, s.CompletedOnTime, s.CompletedLate, s.InProgressWithinDeadline, s.InProgressOverdue,
            s.NoDeadline, s.AwaitingConfirmation, s.MissingExplanation, s.ApprovedExtensions, incomplete, s.OnTimeRate, s.CompletionRate);
    }
}

/// <summary>A row of the per-unit table.</summary>
public sealed record MonthlyUnitRow(
    string UnitName,
    int Total,
    int CompletedEarly,
    int CompletedOnTime,
    int CompletedLate,
    int InProgressWithinDeadline,
    int InProgressOverdue,
    decimal? OnTimeRate)
{
    /// <summary>Total counts only assignments with a deadline, so the row adds up across the columns.</summary>
    public static MonthlyUnitRow From(string unitName, GroupStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(unitName, s.WithDeadline, s.CompletedEarly, s.CompletedOnTime, s.CompletedLate, s.InProgressWithinDeadline, s.InProgressOverdue, s.OnTimeRate);
    }
}

/// <summary>A row of the overdue list.</summary>
public sealed record MonthlyOverdueRow(string Task, string Document, string UnitName, DateOnly Deadline, int DaysOverdue);

/// <summary>Vietnamese number formats used in the documents.</summary>
public static class ReportFormat
{
    /// <summary>0.857142 → "85,7%"; null → "—".</summary>
    public static string Percent(decimal? rate) =>
        rate is { } r ? Math.Round(r * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%" : "—";

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Đồng Tháp, ngày 05 tháng 12 năm 2026". Nghị định 30/2020/NĐ-CP (Phụ lục I): a 0 is
    /// written before days below 10 and before months 1 and 2 ("ngày 05 tháng 02", "ngày 15 tháng 3").</summary>
    public static string PlaceAndDate(string place, DateOnly d) =>
        $"{place}, ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}";
}
