using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssignmentRow = NhiemVu.Domain.Reports.AssignmentRow;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/reports/rows: the assignments behind one figure of /reports, classified as of the report's moment.</summary>
public sealed class RowsModel(ReportQueries q) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportParams P { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public ReportMeasure Measure { get; set; }
    public ReportResult Result { get; private set; } = null!;
    public IReadOnlyList<AssignmentRow> Items { get; private set; } = [];
    public string GroupLabel { get; private set; } = "";
    public string Back { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Result = await ReportEndpoints.Run(P, q);
        Items = Result.RowsOf(Key, Measure).OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Deadline ?? DateOnly.MaxValue).ToList();
        GroupLabel = string.IsNullOrEmpty(Key) || Key == "*" ? "Tổng cộng" : Result.Groups.FirstOrDefault(g => g.Key == Key)?.Label ?? Key;
        Back = "/reports?" + ReportParams.Query(Result.Report.Period, Result.Report.AsOfUtc, Result.GroupBy);
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
