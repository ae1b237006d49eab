using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Accounts;

/// <summary>TOTP two-factor set-up for the signed-in user.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuthService auth,
    IMemoryCache cache, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã mới.";
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await auth.AuditAsync("2fa.enabled", user.UserName);
        cache.Remove(SessionGuard.CacheKey(user.Id));
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Đã bật xác thực hai lớp.";
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        var roles = await users.GetRolesAsync(user);
        if (security.Value.RequireTwoFactorForOffice && roles.Any(Roles.CanBeRequiredTwoFactor))
        {
            Error = "Tài khoản của bạn bắt buộc dùng xác thực hai lớp.";
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await auth.AuditAsync("2fa.disabled", user.UserName);
        cache.Remove(SessionGuard.CacheKey(user.Id));
        await signIn.RefreshSignInAsync(user);
        Message = "Đã tắt xác thực hai lớp.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var sb = new StringBuilder();
        for (int i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        SharedKey = sb.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/NhiemVu:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=NhiemVu&digits=6";
    }
}
