using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>The filtered assignment list; every filter is in the URL.</summary>
public sealed class IndexModel(AssignmentHandlers h, Units.UnitHandlers units, Documents.DocumentHandlers docs, WorkflowUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public AssignmentQueryParams Filter { get; set; } = new();
    public PagedResult<AssignmentRow> Result { get; private set; } = null!;
    public IReadOnlyList<Units.UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<Units.FieldDto> Fields { get; private set; } = [];
    public IReadOnlyList<Documents.PersonRef> Leaders { get; private set; } = [];
    public bool SeesAll { get; private set; }

    public async Task OnGetAsync()
    {
        var query = Filter.ToQuery();
        // "page" is also a Razor Pages route value (this page's path), which model binding reads before the
        // query string: Filter.Page never got the pager's ?Page=N, and every page link showed page 1.
        if (int.TryParse(Request.Query["Page"], out var page)) query.Page = page;
        Result = await h.ListAsync(query);
        SeesAll = (await user.GetAsync()).SeesAll;
        Units = await units.ListAsync(includeInactive: true);
        Fields = await units.ListFieldsAsync();
        Leaders = await docs.LeadersAsync();
    }
}
