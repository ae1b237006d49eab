using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginTwoFactorModel(AuthService auth) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await auth.TwoFactorSignInAsync(Code ?? "");
        if (outcome == SignInOutcome.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = outcome == SignInOutcome.LockedOut ? AuthService.Message(outcome) : "Mã xác thực không đúng hoặc đã hết hạn.";
        return Page();
    }
}
