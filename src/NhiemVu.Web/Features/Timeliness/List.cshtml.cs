using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>/reports/timeliness/list: the documents, reports or reviews behind one figure of /reports/timeliness.</summary>
public sealed class ListModel(TimelinessQueries q) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public TimelinessKind Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public TimelinessOutcome Outcome { get; set; }
    public IReadOnlyList<TimelinessItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try { Items = await q.ItemsAsync(From, To, Kind, Key, Outcome); }
        catch (Infrastructure.ForbiddenException) { return Forbid(); }
        catch (Infrastructure.NotFoundException) { return NotFound(); }
        return Page();
    }

    public string Back => $"/reports/timeliness?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";

    public string Title => (Kind, Outcome) switch
    {
        (TimelinessKind.Documents, TimelinessOutcome.InTime) => "Văn bản nhập đúng hạn",
        (TimelinessKind.Documents, TimelinessOutcome.Late) => "Văn bản nhập muộn",
        (TimelinessKind.Documents, _) => "Văn bản đã nhập",
        (TimelinessKind.Reports, TimelinessOutcome.InTime) => "Báo cáo kết quả nhập đúng hạn",
        (TimelinessKind.Reports, TimelinessOutcome.Late) => "Báo cáo kết quả nhập muộn",
        (TimelinessKind.Reports, _) => "Báo cáo kết quả đã nhập",
        (TimelinessKind.Reviews, TimelinessOutcome.InTime) => "Báo cáo xác nhận đúng hạn",
        (TimelinessKind.Reviews, TimelinessOutcome.Late) => "Báo cáo xác nhận muộn",
        (TimelinessKind.Reviews, _) => "Báo cáo đã xác nhận",
        _ => "Báo cáo chờ xác nhận quá hạn",
    };
}
