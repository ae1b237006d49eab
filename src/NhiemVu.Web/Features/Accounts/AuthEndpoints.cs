using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Accounts;

public sealed record TokenRequest(string UserName, string Password, string? TwoFactorCode);
public sealed record RefreshRequest(string RefreshToken);

/// <summary>Bearer tokens for programs: the same sign-in rules as the pages (lock-out, disabled accounts, 2FA).</summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Xác thực");

        g.MapPost("/token", async Task<IResult> (TokenRequest req, AuthService auth) =>
        {
            if (string.IsNullOrWhiteSpace(req.UserName) || string.IsNullOrEmpty(req.Password))
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["userName"] = ["Hãy nhập tên đăng nhập và mật khẩu."],
                }, title: "Dữ liệu không hợp lệ.");
            var outcome = await auth.PasswordSignInAsync(req.UserName, req.Password, bearer: true, req.TwoFactorCode);
            return outcome == SignInOutcome.Succeeded
                ? Results.Empty // the bearer handler has written the token response
                : Results.Problem(statusCode: 401, title: "Không đăng nhập được.", detail: AuthService.Message(outcome),
                    extensions: new Dictionary<string, object?> { ["code"] = outcome.ToString() });
        })
        .AllowAnonymous()
        .WithSummary("Lấy mã truy cập (bearer token)")
        .WithDescription("Trả về accessToken, expiresIn và refreshToken. Tài khoản có xác thực hai lớp gửi kèm twoFactorCode.")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(401);

        g.MapPost("/refresh", async Task<IResult> (RefreshRequest req, SignInManager<AppUser> signIn,
            IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = protector.Unprotect(req.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsDisabled: false } user)
                return Results.Problem(statusCode: 401, title: "Mã làm mới không hợp lệ.",
                    detail: "Mã làm mới đã hết hạn hoặc bị thu hồi. Hãy đăng nhập lại.");
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithSummary("Làm mới mã truy cập")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(401);

        g.MapGet("/me", async (UserHandlers users, ICurrentActor actor) =>
                TypedResults.Ok(await users.GetAsync(actor.UserId ?? Guid.Empty)))
            .RequireAuthorization()
            .WithSummary("Tài khoản đang đăng nhập");
    }
}
