using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Portal;

/// <summary>/portal (anonymous): public tasks of documents that are not secret, with their results, and this month's figures.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalQueries portal) : PageModel
{
    public IReadOnlyList<PublicTask> Tasks { get; private set; } = [];
    public GroupStatistics Month { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Tasks = await portal.TasksAsync();
        Month = await portal.MonthAsync();
    }
}
