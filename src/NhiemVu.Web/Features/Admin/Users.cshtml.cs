using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features.Admin;

public sealed class UsersModel(UserHandlers users, UnitHandlers units) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>The pager's ?Page=N, read from the query: "page" is also a Razor Pages route value (this page's path),
    /// which model binding reads first, so a bound property never saw the pager's number.</summary>
    public int PageNumber => int.TryParse(Request.Query["Page"], out var n) && n > 0 ? n : 1;
    public PagedResult<UserDto> Result { get; private set; } = null!;
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Result = await users.ListAsync(new UserQuery(Text, UnitId, Role, true, PageNumber, 50));
        Units = await units.ListAsync(includeInactive: false);
    }
}
