using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Accounts;

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled, RequiresTwoFactor }

/// <summary>
/// Sign-in for the pages (cookie) and for programs (bearer token), one path for both, with every
/// authentication event written to the audit log.
/// </summary>
public sealed class AuthService(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db,
    ICurrentActor actor, TimeProvider clock)
{
    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Failed => "Tên đăng nhập hoặc mật khẩu không đúng.",
        SignInOutcome.LockedOut => "Tài khoản tạm bị khóa do nhập sai nhiều lần. Hãy thử lại sau ít phút hoặc liên hệ quản trị hệ thống.",
        SignInOutcome.Disabled => "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị hệ thống.",
        SignInOutcome.RequiresTwoFactor => "Cần nhập mã xác thực hai lớp từ ứng dụng xác thực.",
        _ => "",
    };

    public Task<bool> AnyAccountAsync() => db.Users.AnyAsync();

    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool bearer, string? twoFactorCode = null)
    {
        if (bearer) signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        userName = (userName ?? "").Trim();
        var result = await signIn.PasswordSignInAsync(userName, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(twoFactorCode))
            result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalize(twoFactorCode), false, rememberClient: false);
        var outcome = Map(result);
        await AuditAsync(OutcomeAction(outcome, bearer), userName);
        return outcome;
    }

    public async Task<SignInOutcome> TwoFactorSignInAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalize(code), false, rememberClient: false);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await AuditAsync(outcome == SignInOutcome.Succeeded ? "login.2fa.succeeded" : "login.2fa.failed", user?.UserName);
        return outcome;
    }

    public async Task SignOutAsync()
    {
        var name = actor.UserName;
        await signIn.SignOutAsync();
        await AuditAsync("logout", name);
    }

    public async Task AuditAsync(string action, string? userName, string? details = null)
    {
        Guid? userId = null;
        if (!string.IsNullOrEmpty(userName))
            userId = (await users.FindByNameAsync(userName))?.Id;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(), UserId = userId ?? actor.UserId, UserName = userName ?? actor.UserName,
            IpAddress = actor.IpAddress, Action = action, Details = details,
        });
        await db.SaveChangesAsync();
    }

    private static string Normalize(string code) => code.Replace(" ", "").Replace("-", "");

    private static SignInOutcome Map(SignInResult r) =>
        r.Succeeded ? SignInOutcome.Succeeded
        : r.IsLockedOut ? SignInOutcome.LockedOut
        : r.IsNotAllowed ? SignInOutcome.Disabled
        : r.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
        : SignInOutcome.Failed;

    private static string OutcomeAction(SignInOutcome o, bool bearer) => (bearer ? "token" : "login") + "." + o switch
    {
        SignInOutcome.Succeeded => "succeeded",
        SignInOutcome.LockedOut => "locked_out",
        SignInOutcome.Disabled => "disabled_account",
        SignInOutcome.RequiresTwoFactor => "requires_2fa",
        _ => "failed",
    };
}
