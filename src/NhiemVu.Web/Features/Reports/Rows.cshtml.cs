using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/reports/rows: the assignments behind one figure of /reports, classified as of the report's moment.</summary>
public sealed class RowsModel(ReportQueries q) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportParams P { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public ReportMeasure Measure { get; set; }
    public ReportResult Result { get; private set; } = null!;
    public IReadOnlyList<ReportListRow> Items { get; private set; } = [];
    /// <summary>How many assignments the figure counts (the page lists the first <see cref="PageLimit"/>).</summary>
    public int Total { get; private set; }
    public const int PageLimit = 1000;
    public string GroupLabel { get; private set; } = "";
    public string Back { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Result = await ReportEndpoints.Run(P, q);
        var rows = await q.RowsAsync(Result.Period, Result.AsOfUtc, Result.GroupBy, Key, Measure, PageLimit);
        (Items, Total) = (rows.Items, rows.Total);
        GroupLabel = string.IsNullOrEmpty(Key) || Key == "*" ? "Tổng cộng" : Result.Groups.FirstOrDefault(g => g.Key == Key)?.Label ?? Key;
        Back = "/reports?" + ReportParams.Query(Result.Period, Result.AsOfUtc, Result.GroupBy);
    }

    public static string MeasureLabel(ReportMeasure m) => m switch
    {
        ReportMeasure.Total => "Tổng số",
        ReportMeasure.CompletedEarly => "Hoàn thành trước hạn",
        ReportMeasure.CompletedOnTime => "Hoàn thành đúng hạn",
        ReportMeasure.CompletedLate => "Hoàn thành quá hạn",
        ReportMeasure.InProgressWithinDeadline => "Đang thực hiện trong hạn",
        ReportMeasure.InProgressOverdue => "Đang thực hiện quá hạn",
        ReportMeasure.NoDeadline => "Không có thời hạn",
        ReportMeasure.AwaitingConfirmation => "Chờ xác nhận",
        ReportMeasure.Extended => "Được gia hạn",
        ReportMeasure.MissingExplanation => "Chưa giải trình",
        ReportMeasure.CarriedOver => "Chuyển tiếp từ kỳ trước",
        ReportMeasure.Completed => "Đã hoàn thành (có thời hạn)",
        ReportMeasure.WithDeadline => "Có thời hạn",
        ReportMeasure.ReportEntered => "Có báo cáo kết quả đã nhập",
        ReportMeasure.ReportEntryLate => "Có báo cáo kết quả nhập muộn",
        _ => "Hoàn thành đúng hạn (gồm trước hạn)",
    };
}
