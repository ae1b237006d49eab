using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Web.Features.Accounts;

namespace NhiemVu.Web.Features.Home;

public sealed class IndexModel(UserHandlers users, ICurrentActor actor, AppDbContext db) : PageModel
{
    public UserDto Me { get; private set; } = null!;
    public int UnitCount { get; private set; }
    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        Me = await users.GetAsync(actor.UserId!.Value);
        UnitCount = await db.Units.CountAsync(u => u.IsActive);
        UserCount = await db.Users.CountAsync(u => !u.IsDisabled);
    }
}
