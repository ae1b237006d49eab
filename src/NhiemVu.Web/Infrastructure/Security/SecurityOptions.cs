namespace NhiemVu.Web.Infrastructure.Security;

/// <summary>Settings under <c>Security</c> (README lists them).</summary>
public sealed class SecurityOptions
{
    /// <summary>Office and administrator accounts must use TOTP two-factor sign-in.</summary>
    public bool RequireTwoFactorForOffice { get; set; }
    /// <summary>A session unused this long ends (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 10;
    public int LockoutAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Lifetime of an API bearer token; refresh tokens live 14 days.</summary>
    public int BearerTokenMinutes { get; set; } = 60;
    public int MinPasswordLength { get; set; } = 12;
}
