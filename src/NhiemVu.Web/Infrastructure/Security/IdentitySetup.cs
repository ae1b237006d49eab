using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using NhiemVu.Data;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Infrastructure.Security;

public static class IdentitySetup
{
    public const string AuthTimeItem = "auth_time";
    public const string AdminPolicy = "Admin";
    public const string OfficePolicy = "Office";
    /// <summary>Province-wide reports and the dashboard: the office and the provincial leaders.</summary>
    public const string ReportsPolicy = "Reports";

    public static IServiceCollection AddNhiemVuIdentity(this IServiceCollection services, IConfiguration config)
    {
        var sec = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(config.GetSection("Security"));

        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = sec.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = sec.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(sec.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>();

        // Pages challenge with the cookie (redirect to /login, or 401/403 under /api); a request
        // that carries a bearer token is still authenticated by the bearer handler.
        services.AddAuthentication(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });

        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
            o.BearerTokenExpiration = TimeSpan.FromMinutes(sec.BearerTokenMinutes));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.Cookie.Name = "nhiemvu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(sec.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, 403, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnSigningIn = ctx =>
            {
                // Kept in the ticket's properties, which survive sliding renewals, so the absolute
                // time-out counts from the real sign-in.
                var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                ctx.Properties.Items[AuthTimeItem] = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (!ctx.Properties.Items.TryGetValue(AuthTimeItem, out var raw) || !long.TryParse(raw, out var since)
                    || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(since) > TimeSpan.FromHours(sec.AbsoluteTimeoutHours))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(OfficePolicy, p => p.RequireRole(Roles.OfficeSpecialist, Roles.OfficeLeader))
            .AddPolicy(ReportsPolicy, p => p.RequireRole(Roles.OfficeSpecialist, Roles.OfficeLeader, Roles.ProvincialLeader));
        return services;
    }

    private static Task ApiOr(HttpContext ctx, int status, Action page)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else page();
        return Task.CompletedTask;
    }
}
