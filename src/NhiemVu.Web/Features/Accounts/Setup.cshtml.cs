using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features.Accounts;

/// <summary>The one-time way to create the first administrator on an empty system.</summary>
[AllowAnonymous]
public sealed class SetupModel(AuthService auth, UnitHandlers units, UserHandlers users, AppDbContext db,
    SignInManager<AppUser> signIn, RoleManager<AppRole> roles) : PageModel
{
    [BindProperty] public string ProvinceName { get; set; } = "UBND tỉnh";
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await auth.AnyAccountAsync() ? Redirect("/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await auth.AnyAccountAsync()) return Redirect("/login");
        try
        {
            await RoleSeeder.EnsureRolesAsync(roles);
            var unitId = db.Units.Where(u => u.ParentId == null && u.Kind == UnitKind.ProvincialCommittee).Select(u => (Guid?)u.Id).FirstOrDefault()
                         ?? await units.CreateAsync(new SaveUnitCommand("UBND", ProvinceName, null, UnitKind.ProvincialCommittee, null, null, null));
            var id = await users.CreateAsync(new SaveUserCommand(UserName ?? "", FullName ?? "", "Quản trị hệ thống", null, unitId,
                [Roles.Administrator], null, false, Password, null));
            await signIn.SignInAsync((await db.Users.FindAsync(id))!, isPersistent: false);
            await auth.AuditAsync("setup.first_admin", UserName);
            return Redirect("/");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return Page();
        }
    }
}

public static class RoleSeeder
{
    public static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var r in Roles.All)
            if (!await roles.RoleExistsAsync(r))
                await roles.CreateAsync(new AppRole(r));
    }
}
