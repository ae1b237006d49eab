using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LogoutModel(AuthService auth) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true) await auth.SignOutAsync();
        return Redirect("/login");
    }
}
