using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(AuthService auth) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await auth.AnyAccountAsync()) return Redirect("/setup");
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturn());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Hãy nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        var outcome = await auth.PasswordSignInAsync(UserName, Password, bearer: false);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(SafeReturn());
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl = SafeReturn() });
            default:
                Response.StatusCode = 200;
                Error = AuthService.Message(outcome);
                return Page();
        }
    }

    private string SafeReturn() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
