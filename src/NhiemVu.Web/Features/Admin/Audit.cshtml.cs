using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Audit;

namespace NhiemVu.Web.Features.Admin;

public sealed class AuditModel(AuditQueries audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ip { get; set; }
    /// <summary>The pager's ?Page=N, read from the query: "page" is also a Razor Pages route value (this page's path),
    /// which model binding reads first, so a bound property never saw the pager's number.</summary>
    public int PageNumber => int.TryParse(Request.Query["Page"], out var n) && n > 0 ? n : 1;
    public PagedResult<AuditRow> Result { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Result = await audit.ListAsync(new AuditQuery(From, To, UserFilter, Action, null, null, Ip, PageNumber, 50));
}
