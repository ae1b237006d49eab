using System.Net;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Foundation;

public abstract class SessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Anonymous_page_visit_is_redirected_to_login()
    {
        var b = new CookieBrowser(app.Factory);
        Assert.StartsWith("redirect:", await b.VisitAsync("/admin/units"));
        Assert.Contains("/login", await b.VisitAsync("/"));
    }

    [Fact]
    public async Task Login_form_signs_in_and_logout_ends_the_session()
    {
        var b = new CookieBrowser(app.Factory);
        var res = await b.LoginAsync("sotc.lanhdao");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("200", await b.VisitAsync("/"));
        await b.PostFormAsync("/logout", [], "/logout");
        Assert.StartsWith("redirect:", await b.VisitAsync("/"));
    }

    [Fact]
    public async Task Wrong_password_on_the_form_shows_a_Vietnamese_message()
    {
        var b = new CookieBrowser(app.Factory);
        var res = await b.LoginAsync("sotc.lanhdao", "sai mat khau roi");
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html);
    }

    [Fact]
    public async Task Session_ends_after_the_idle_timeout()
    {
        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("soxd.lanhdao");
        Assert.Equal("200", await b.VisitAsync("/"));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.StartsWith("redirect:", await b.VisitAsync("/"));
    }

    [Fact]
    public async Task Session_ends_after_the_absolute_timeout_even_when_active()
    {
        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("sogddt.lanhdao");
        for (var i = 0; i < 40; i++) // 40 × 15 min = 10 h of steady use
        {
            Assert.Equal("200", await b.VisitAsync("/"));
            app.Clock.Advance(TimeSpan.FromMinutes(15));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.StartsWith("redirect:", await b.VisitAsync("/"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_cookie_session()
    {
        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("thanhtra.daumoi");
        Assert.Equal("200", await b.VisitAsync("/"));
        var admin = await app.ClientFor("admin");
        var user = (await (await admin.GetAsync("/api/users?text=thanhtra.daumoi")).Read<Paged<UserRow>>()).Items.Single();
        await admin.PostAsync($"/api/users/{user.Id}/disable", null);
        Assert.StartsWith("redirect:", await b.VisitAsync("/"));
    }

    [Fact]
    public async Task Non_admin_gets_forbidden_page_for_admin_pages()
    {
        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("vp.cv3");
        Assert.Contains("/forbidden", await b.VisitAsync("/admin/users"));
    }

    [Fact]
    public async Task Language_switch_shows_English()
    {
        var b = new CookieBrowser(app.Factory);
        Assert.Contains("Đăng nhập", await b.Client.GetStringAsync("/login"));
        await b.Client.GetAsync("/culture/en?returnUrl=/login");
        var html = await b.Client.GetStringAsync("/login");
        Assert.Contains("Sign in", html);
        Assert.Contains("lang=\"en\"", html);
    }

    [Fact]
    public async Task Second_app_instance_on_the_same_database_accepts_the_sign_in()
    {
        await using var second = app.CreateFactory(app.ConnectionString);
        var b = new CookieBrowser(app.Factory);
        await b.LoginAsync("khobac.daumoi");
        var cookie = b.Client.DefaultRequestHeaders; // cookies live in the handler; replay them by hand
        var res = await b.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var token = await app.TokenFor("khobac.daumoi");
        var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/auth/me")).StatusCode);
    }
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests<SqliteApp>(app);
public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests<PostgresApp>(app);
