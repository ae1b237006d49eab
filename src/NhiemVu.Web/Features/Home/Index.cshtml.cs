using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.LockWindows;

namespace NhiemVu.Web.Features.Home;

public sealed class IndexModel(UserHandlers users, ICurrentActor actor, AppDbContext db, LockWindowService locks) : PageModel
{
    public UserDto Me { get; private set; } = null!;
    public int UnitCount { get; private set; }
    public int UserCount { get; private set; }
    /// <summary>The lock on the user's unit, for the people who post for a unit.</summary>
    public LockStatus? Lock { get; private set; }

    public async Task OnGetAsync()
    {
        Me = await users.GetAsync(actor.UserId!.Value);
        UnitCount = await db.Units.CountAsync(u => u.IsActive);
        UserCount = await db.Users.CountAsync(u => !u.IsDisabled);
        if (User.IsInRole(Roles.FocalOfficer) || User.IsInRole(Roles.UnitLeader))
            Lock = await locks.ActiveLockAsync(Me.UnitId);
    }
}
