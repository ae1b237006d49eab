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
    [BindProperty(SupportsGet = true, Name = "Page")] public int PageNumber { get; set; } = 1;
    public PagedResult<AuditRow> Result { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Result = await audit.ListAsync(new AuditQuery(From, To, UserFilter, Action, null, null, Ip, PageNumber, 50));
}
