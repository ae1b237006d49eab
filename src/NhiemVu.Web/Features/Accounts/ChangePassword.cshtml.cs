using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Data;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Features.Accounts;

public sealed class ChangePasswordModel(UserHandlers handlers, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? Next { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        try
        {
            await handlers.ChangeOwnPasswordAsync(user.Id, Current ?? "", Next ?? "");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return Page();
        }
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        TempData["Flash"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }
}
