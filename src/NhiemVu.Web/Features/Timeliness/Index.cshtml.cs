using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>/reports/timeliness: entry and review timeliness per specialist and per unit; every figure links to its list.</summary>
public sealed class IndexModel(TimelinessQueries q) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public TimelinessReport R { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try { R = await q.ReportAsync(From, To); }
        catch (Infrastructure.ForbiddenException) { return Forbid(); }
        return Page();
    }

    public string Query => $"from={R.From:yyyy-MM-dd}&to={R.To:yyyy-MM-dd}";

    public string List(TimelinessKind kind, Guid key, TimelinessOutcome outcome) =>
        $"/reports/timeliness/list?{Query}&kind={kind}&key={(key == Guid.Empty ? "*" : key.ToString("D"))}&outcome={outcome}";
}
