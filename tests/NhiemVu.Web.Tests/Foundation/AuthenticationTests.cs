using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Foundation;

public abstract class AuthenticationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Token_for_valid_credentials_authorizes_api_calls()
    {
        var client = await app.ClientFor("vp.cv1");
        var me = await (await client.GetAsync("/api/auth/me")).Read<UserRow>();
        Assert.Equal("vp.cv1", me.UserName);
        Assert.Contains("OfficeSpecialist", me.Roles);
    }

    [Fact]
    public async Task Anonymous_api_call_gets_401_problem_details()
    {
        var res = await app.Anonymous().GetAsync("/api/units");
        await res.Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem_details_in_Vietnamese()
    {
        var res = await app.Anonymous().PostJson("/api/auth/token", new { userName = "sotc.daumoi", password = "not the password" });
        var p = await res.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Account_is_locked_out_after_repeated_failures()
    {
        var anon = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await anon.PostJson("/api/auth/token", new { userName = "soyt.daumoi", password = "wrong password " + i });
        // Even the right password is refused while locked.
        var res = await anon.PostJson("/api/auth/token", new { userName = "soyt.daumoi", password = AppFixture.DemoPassword });
        var p = await res.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("LockedOut", p.GetProperty("code").GetString());
        Assert.Contains("tạm bị khóa", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in_and_its_tokens_stop_working()
    {
        var userClient = await app.ClientFor("sotp.daumoi");
        Assert.Equal(HttpStatusCode.OK, (await userClient.GetAsync("/api/auth/me")).StatusCode);

        var admin = await app.ClientFor("admin");
        var user = (await (await admin.GetAsync("/api/users?text=sotp.daumoi")).Read<Paged<UserRow>>()).Items.Single();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/disable", null)).StatusCode);

        await (await userClient.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized);
        var login = await app.Anonymous().PostJson("/api/auth/token", new { userName = "sotp.daumoi", password = AppFixture.DemoPassword });
        var p = await login.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("vô hiệu hóa", p.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/enable", null)).StatusCode);
        Assert.NotNull(await app.TokenFor("sotp.daumoi"));
    }

    [Fact]
    public async Task Expired_token_gets_401_problem_details()
    {
        var client = await app.ClientFor("sokhcn.daumoi");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            var p = await (await client.GetAsync("/api/auth/me")).Problem(HttpStatusCode.Unauthorized);
            Assert.Contains("hết hạn", p.GetProperty("detail").GetString());
        }
        finally { app.Clock.Advance(TimeSpan.FromSeconds(1)); }
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_access_token()
    {
        var res = await app.Anonymous().PostJson("/api/auth/token", new { userName = "sonv.daumoi", password = AppFixture.DemoPassword });
        var body = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        var refresh = await app.Anonymous().PostJson("/api/auth/refresh", new { refreshToken = body.GetProperty("refreshToken").GetString() });
        var fresh = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var c = app.Anonymous();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/auth/me")).StatusCode);

        var bad = await app.Anonymous().PostJson("/api/auth/refresh", new { refreshToken = "garbage" });
        await bad.Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_factor_account_needs_a_valid_TOTP_code()
    {
        string key = await app.InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByNameAsync("sovhttdl.daumoi"))!;
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
            return (await users.GetAuthenticatorKeyAsync(u))!;
        });
        var anon = app.Anonymous();
        var without = await anon.PostJson("/api/auth/token", new { userName = "sovhttdl.daumoi", password = AppFixture.DemoPassword });
        Assert.Equal("RequiresTwoFactor", (await without.Problem(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());

        var wrong = await anon.PostJson("/api/auth/token",
            new { userName = "sovhttdl.daumoi", password = AppFixture.DemoPassword, twoFactorCode = "000000" });
        await wrong.Problem(HttpStatusCode.Unauthorized);

        var code = Totp.Code(key, TimeProvider.System.GetUtcNow());
        var ok = await anon.PostJson("/api/auth/token",
            new { userName = "sovhttdl.daumoi", password = AppFixture.DemoPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Login_events_are_audited_with_address()
    {
        await app.Anonymous().PostJson("/api/auth/token", new { userName = "bhxh.daumoi", password = "nope nope nope" });
        await app.TokenFor("bhxh.daumoi");
        var admin = await app.ClientFor("admin");
        var rows = (await (await admin.GetAsync("/api/audit?user=bhxh.daumoi&action=token.")).Read<Paged<AuditRowDto>>()).Items;
        Assert.Contains(rows, r => r.Action == "token.failed");
        Assert.Contains(rows, r => r.Action == "token.succeeded");
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.IpAddress)));
    }
}

public sealed class AuthenticationTests_Sqlite(SqliteApp app) : AuthenticationTests<SqliteApp>(app);
public sealed class AuthenticationTests_Postgres(PostgresApp app) : AuthenticationTests<PostgresApp>(app);
