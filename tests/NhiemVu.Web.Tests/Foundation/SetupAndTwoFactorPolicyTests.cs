using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Foundation;

/// <summary>An app started without --demo: empty, with the one-time set-up page.</summary>
public abstract class EmptyApp(DbProvider p) : AppFixture(p)
{
    protected override bool Demo => false;
}
public sealed class EmptySqliteApp() : EmptyApp(DbProvider.Sqlite);
public sealed class EmptyPostgresApp() : EmptyApp(DbProvider.Postgres);

public abstract class FirstRunTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Empty_system_offers_a_one_time_way_to_create_the_administrator()
    {
        var b = new CookieBrowser(app.Factory);
        Assert.Contains("/setup", await b.VisitAsync("/login"));
        var res = await b.PostFormAsync("/setup", new()
        {
            ["ProvinceName"] = "UBND tỉnh Thử", ["FullName"] = "Quản Trị", ["UserName"] = "quantri1", ["Password"] = "mot cum tu rat dai va kho doan",
        });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("200", await b.VisitAsync("/admin/units"));

        // Once an account exists the page is gone: a second attempt creates nothing.
        var again = new CookieBrowser(app.Factory);
        Assert.Contains("/login", await again.VisitAsync("/setup"));
        var count = await app.InScope(sp => sp.GetRequiredService<AppDbContext>().Users.CountAsync());
        Assert.Equal(1, count);
    }
}
public sealed class FirstRunTests_Sqlite(EmptySqliteApp app) : FirstRunTests<EmptySqliteApp>(app);
public sealed class FirstRunTests_Postgres(EmptyPostgresApp app) : FirstRunTests<EmptyPostgresApp>(app);

/// <summary>The setting that makes two-factor mandatory for office and admin roles.</summary>
public abstract class TwoFactorRequiredApp(DbProvider p) : AppFixture(p)
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Security:RequireTwoFactorForOffice"] = "true" };
}
public sealed class TwoFactorRequiredSqliteApp() : TwoFactorRequiredApp(DbProvider.Sqlite);
public sealed class TwoFactorRequiredPostgresApp() : TwoFactorRequiredApp(DbProvider.Postgres);

public abstract class TwoFactorPolicyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Office_account_without_two_factor_is_sent_to_set_it_up()
    {
        var api = await app.ClientFor("vp.cv1");
        var p = await (await api.GetAsync("/api/units")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("two_factor_required", p.GetProperty("code").GetString());

        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("vp.cv1");
        Assert.Contains("/account/2fa", await b.VisitAsync("/"));
        Assert.Equal("200", await b.VisitAsync("/account/2fa"));
    }

    [Fact]
    public async Task Unit_accounts_are_not_required_to_use_two_factor()
    {
        var api = await app.ClientFor("sotc.daumoi");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/units")).StatusCode);
    }
}
public sealed class TwoFactorPolicyTests_Sqlite(TwoFactorRequiredSqliteApp app) : TwoFactorPolicyTests<TwoFactorRequiredSqliteApp>(app);
public sealed class TwoFactorPolicyTests_Postgres(TwoFactorRequiredPostgresApp app) : TwoFactorPolicyTests<TwoFactorRequiredPostgresApp>(app);
