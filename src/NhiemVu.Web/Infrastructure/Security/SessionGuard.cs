using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Infrastructure.Security;

/// <summary>
/// Runs after authentication on every request, for cookies and bearer tokens alike: a session
/// whose account was disabled, or whose security stamp changed (password reset, disable, sign-out
/// everywhere), is ended. The account state is cached for a few seconds per instance; the
/// instance that disables an account evicts it at once, other instances see it within
/// <see cref="CacheSeconds"/>. When the setting requires it, office and admin accounts without
/// two-factor are sent to set it up before anything else.
/// </summary>
public sealed class SessionGuard(RequestDelegate next, IMemoryCache cache, IOptions<SecurityOptions> security,
    IOptions<IdentityOptions> identity)
{
    public const int CacheSeconds = 10;

    public sealed record AccountState(bool IsDisabled, string? SecurityStamp, bool TwoFactorEnabled, bool NeedsTwoFactor, Guid UnitId);

    /// <summary>Key of the signed-in account's <see cref="AccountState"/> in <c>HttpContext.Items</c>
    /// (so the request's handlers need not read the account again).</summary>
    public const string StateItem = "nhiemvu.account-state";

    public static string CacheKey(Guid userId) => "account-state:" + userId;

    public async Task InvokeAsync(HttpContext ctx, AppDbContext db)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var state = await cache.GetOrCreateAsync(CacheKey(userId), async e =>
            {
                e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(CacheSeconds);
                var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .Select(u => new { u.IsDisabled, u.SecurityStamp, u.TwoFactorEnabled, u.UnitId }).FirstOrDefaultAsync();
                if (row is null) return null;
                var roles = await db.UserRoles.Where(r => r.UserId == userId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
                var needs = roles.Any(Roles.CanBeRequiredTwoFactor);
                return new AccountState(row.IsDisabled, row.SecurityStamp, row.TwoFactorEnabled, needs, row.UnitId);
            });

            var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            if (state is null || state.IsDisabled || (stamp is not null && stamp != state.SecurityStamp))
            {
                if (ctx.Request.Headers.Authorization.Count == 0)
                    await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (security.Value.RequireTwoFactorForOffice && state.NeedsTwoFactor && !state.TwoFactorEnabled
                     && !IsTwoFactorSetupPath(ctx.Request.Path))
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await Results.Problem(statusCode: 403, title: "Cần bật xác thực hai lớp.",
                        detail: "Tài khoản Văn phòng và quản trị phải bật xác thực hai lớp (TOTP) trước khi sử dụng hệ thống.",
                        extensions: new Dictionary<string, object?> { ["code"] = "two_factor_required" }).ExecuteAsync(ctx);
                    return;
                }
                ctx.Response.Redirect("/account/2fa?required=1");
                return;
            }
            else
            {
                ctx.Items[StateItem] = state;
            }
        }
        await next(ctx);
    }

    private static bool IsTwoFactorSetupPath(PathString p) =>
        p.StartsWithSegments("/account/2fa") || p.StartsWithSegments("/logout") || p.StartsWithSegments("/css")
        || p.StartsWithSegments("/js") || p.StartsWithSegments("/culture");
}
