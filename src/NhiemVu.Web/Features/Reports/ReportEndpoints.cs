using Microsoft.Extensions.Options;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Reports.Export;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Reports;

/// <summary>Default weights of the annual emulation ranking ("Reports:Weights:*"), used for the years before any an
/// administrator set on /admin/ranking-weights (see <see cref="RankingWeightsHandlers"/>).</summary>
public sealed class ReportOptions
{
    public EmulationWeightSettings Weights { get; set; } = new();

    /// <summary>Count the leaders' reports ahead, in the background (<see cref="ReportWarmup"/>).</summary>
    public bool WarmUp { get; set; } = true;
}

public sealed class EmulationWeightSettings
{
    public decimal OnTimeRate { get; set; } = EmulationWeights.Default.OnTimeRate;
    public decimal CompletionRate { get; set; } = EmulationWeights.Default.CompletionRate;
    public decimal TimelyRate { get; set; } = EmulationWeights.Default.TimelyRate;
    public decimal PerOverdue { get; set; } = EmulationWeights.Default.PerOverdue;
    public decimal PerCompletedLate { get; set; } = EmulationWeights.Default.PerCompletedLate;
    public decimal PerMissingExplanation { get; set; } = EmulationWeights.Default.PerMissingExplanation;
    public decimal PerApprovedExtension { get; set; } = EmulationWeights.Default.PerApprovedExtension;

    public EmulationWeights ToWeights() =>
        new(OnTimeRate, CompletionRate, TimelyRate, PerOverdue, PerCompletedLate, PerMissingExplanation, PerApprovedExtension);
}

public static class ReportEndpoints
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>/api/reports/…</summary>
    public static void MapApi(RouteGroupBuilder g)
    {
        g.WithTags("Báo cáo, thống kê").RequireAuthorization(IdentitySetup.ReportsPolicy);
        g.MapGet("/statistics", async ([AsParameters] ReportParams p, ReportQueries q) => TypedResults.Ok(ReportOutputs.Dto(await Run(p, q))))
            .WithSummary("Thống kê tại thời điểm T (asOf) cho kỳ [from, to], nhóm theo đơn vị, người chỉ đạo, lĩnh vực, tính chất, văn bản");
        g.MapGet("/statistics.xlsx", StatisticsXlsx).WithSummary("Bảng thống kê (Excel)");
        g.MapGet("/monthly.docx", MonthlyDocx).WithSummary("Báo cáo tháng gửi Chủ tịch UBND tỉnh (Word), year=&month=");
        g.MapGet("/ranking", async (int? year, ReportQueries q, RankingWeightsHandlers wh) => TypedResults.Ok((await Ranking(year, q, wh)).Entries))
            .WithSummary("Xếp hạng thi đua các đơn vị trong năm (trọng số của năm: GET /api/reports/ranking-weights/{year})");
    }

    /// <summary>The downloads next to the pages (cookie sign-in): /reports/export.xlsx, /reports/monthly.docx, /assignments/export.xlsx.</summary>
    public static void MapDownloads(IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/export.xlsx", StatisticsXlsx).RequireAuthorization(IdentitySetup.ReportsPolicy).ExcludeFromDescription();
        app.MapGet("/reports/monthly.docx", MonthlyDocx).RequireAuthorization(IdentitySetup.ReportsPolicy).ExcludeFromDescription();
        app.MapGet("/assignments/export.xlsx", async ([AsParameters] AssignmentQueryParams p, AssignmentHandlers h) =>
        {
            var q = p.ToQuery();
            q.PageSize = 200;
            var rows = new List<NhiemVu.Web.Features.Assignments.AssignmentRow>();
            for (q.Page = 1; ; q.Page++)
            {
                var page = await h.ListAsync(q);
                rows.AddRange(page.Items);
                if (q.Page >= page.Pages) break;
            }
            return Results.File(ReportOutputs.AssignmentList(rows), Xlsx, "danh-sach-nhiem-vu.xlsx");
        }).RequireAuthorization().ExcludeFromDescription();
    }

    public static async Task<ReportResult> Run(ReportParams p, ReportQueries q)
    {
        var now = q.Now;
        return await q.StatisticsAsync(p.Period(ProvinceTime.LocalDate(now)), p.AsOfUtc(now), p.Dimension);
    }

    private static async Task<IResult> StatisticsXlsx([AsParameters] ReportParams p, ReportQueries q)
    {
        var r = await Run(p, q);
        return Results.File(ReportOutputs.Excel(r, await q.RowsAsync(r.Period, r.AsOfUtc, r.GroupBy, "*", ReportMeasure.Total, ListExports.MaxRows)), Xlsx, $"thong-ke-{r.Period.From:yyyyMMdd}-{r.Period.To:yyyyMMdd}.xlsx");
    }

    private static async Task<IResult> MonthlyDocx(int? year, int? month, ReportQueries q)
    {
        var today = ProvinceTime.LocalDate(q.Now);
        var y = year ?? today.Year;
        var m = month is >= 1 and <= 12 ? month.Value : today.Month;
        if (y is < 2000 or > 2100) throw new DomainValidationException("year", "Năm không hợp lệ.");
        var asOf = ReportOutputs.MonthEndOrNow(y, m, q.Now);
        var r = await q.StatisticsAsync(ReportPeriod.Month(y, m), asOf, ReportDimension.Unit);
        var overdue = await q.RowsAsync(r.Period, r.AsOfUtc, ReportDimension.Unit, "*", ReportMeasure.InProgressOverdue, ReportOutputs.MonthlyOverdueLimit,
            knownTotal: r.Total.InProgressOverdue);
        var model = ReportOutputs.Monthly(r, overdue, await q.NoDeadlineReasonsAsync(r.Period, r.AsOfUtc), await q.RootUnitNameAsync(), y, m, today);
        return Results.File(MonthlyReportWriter.Write(model), Docx, $"bao-cao-thang-{m:00}-{y}.docx");
    }

    /// <summary>The report a year's ranking ranks (by unit): the year, as of its end or now.</summary>
    public static (ReportPeriod Period, DateTimeOffset AsOfUtc) RankingReport(int year, DateTimeOffset now) =>
        (ReportPeriod.Year(year), ReportOutputs.MonthEndOrNow(year, 12, now));

    /// <summary>The year's ranking with the weights it used (the year's own, inherited or the defaults).</summary>
    public static async Task<(IReadOnlyList<EmulationEntry> Entries, RankingWeightsDto Weights)> Ranking(int? year, ReportQueries q, RankingWeightsHandlers wh)
    {
        var y = year ?? ProvinceTime.LocalDate(q.Now).Year;
        var weights = await wh.GetAsync(y);
        var (period, asOf) = RankingReport(y, q.Now);
        var r = await q.StatisticsAsync(period, asOf, ReportDimension.Unit);
        return (EmulationRanking.Rank(r.Groups.Select(g => g.Statistics), r.UnitNames, weights.Weights), weights);
    }
}
