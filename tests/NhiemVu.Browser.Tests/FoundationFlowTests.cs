using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

[Collection(AppCollection.Name)]
public sealed class FoundationFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync((int, int)? size = null)
    {
        var page = await app.NewPageAsync(size);
        _pages.Add(page);
        return page;
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static Regex PathIs(string path) => new($"^[^?]*//[^/]+{Regex.Escape(path)}(\\?.*)?$");

    [Fact]
    public async Task Admin_logs_in_and_sees_the_home_page()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(page, "login");

        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(AppFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathIs("/"));
        await Expect(page.Locator(".hero")).ToContainTextAsync("Quản trị hệ thống");
        await app.ScreenshotBothAsync(page, "home-admin");

        // The menu opened, at both widths, so its layout gets looked at too.
        await page.Locator("summary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị", Exact = true })).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(page, "home-admin-menu");
    }

    [Fact]
    public async Task Wrong_password_shows_a_Vietnamese_error_and_stays_on_login()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#UserName").FillAsync("vp.cv3");
        await page.Locator("#Password").FillAsync("not-the-right-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/login"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(page.Locator("#UserName")).ToHaveValueAsync("vp.cv3");
        await app.ScreenshotBothAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task Anonymous_visit_is_redirected_to_login()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/units");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2Fadmin%2Funits$", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();

        // Signing in from there goes back where the person was heading.
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(AppFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/admin/units"));
    }

    [Fact]
    public async Task Admin_creates_a_unit_and_it_appears_in_the_list()
    {
        var page = await NewPageAsync();
        await app.LoginAsync(page, "admin");
        await page.GotoAsync("/admin/units");
        await app.ScreenshotBothAsync(page, "units");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/admin/units/edit"));

        var code = Unique("BT");
        var name = "Ban Thử nghiệm " + code;
        await page.GetByLabel("Mã đơn vị").FillAsync(code);
        await page.GetByLabel("Tên đơn vị", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Tên viết tắt").FillAsync("BTN");
        await app.ScreenshotBothAsync(page, "unit-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathIs("/admin/units"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu đơn vị.");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
        await Expect(row).ToContainTextAsync(code);
        await Expect(row).ToContainTextAsync("Đang hoạt động");
    }

    [Fact]
    public async Task Making_a_unit_its_own_ancestor_shows_a_clear_error()
    {
        var page = await NewPageAsync();
        await app.LoginAsync(page, "admin");
        var parent = await CreateUnitAsync(page, Unique("CHA"), null);
        var child = await CreateUnitAsync(page, Unique("CON"), parent.Name);

        // Put the parent under its own child.
        await page.GotoAsync($"/admin/units/edit/{parent.Id}");
        await SelectParentAsync(page, child.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Không thể đặt đơn vị làm đơn vị cấp trên của chính nó");
        await Expect(page).ToHaveURLAsync(PathIs($"/admin/units/edit/{parent.Id}"));
        await Expect(page.GetByLabel("Tên đơn vị", new() { Exact = true })).ToHaveValueAsync(parent.Name);
        await app.ScreenshotBothAsync(page, "unit-cycle-error");
    }

    [Fact]
    public async Task Admin_creates_an_account_and_that_person_can_log_in()
    {
        var admin = await NewPageAsync();
        await app.LoginAsync(admin, "admin");
        await admin.GotoAsync("/admin/users");
        await app.ScreenshotBothAsync(admin, "users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Thêm tài khoản" }).ClickAsync();

        var userName = Unique("cb.");
        const string password = "hoa-sen-no-tren-ao-2026";
        await admin.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await admin.GetByLabel("Họ và tên").FillAsync("Trương Thị Thử");
        await admin.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await SelectOptionByTextAsync(admin, "#UnitId", "Văn phòng UBND tỉnh");
        await admin.GetByLabel("Mật khẩu ban đầu").FillAsync(password);
        await admin.GetByLabel("Cán bộ đầu mối").CheckAsync();
        await app.ScreenshotBothAsync(admin, "user-edit");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(PathIs("/admin/users"));
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu tài khoản.");

        var person = await NewPageAsync(AppFixture.Phone);
        await app.LoginAsync(person, userName, password);
        await Expect(person).ToHaveURLAsync(PathIs("/"));
        await Expect(person.Locator(".hero")).ToContainTextAsync("Trương Thị Thử");
        await app.ScreenshotBothAsync(person, "home-new-account");
    }

    [Fact]
    public async Task Admin_disables_an_account_and_its_open_session_ends()
    {
        var user = await NewPageAsync(AppFixture.Phone);
        await app.LoginAsync(user, "vp.cv2");
        await Expect(user.Locator(".hero")).ToContainTextAsync("Ngô Bảo Ngọc");

        var admin = await NewPageAsync();
        await app.LoginAsync(admin, "admin");
        await admin.GotoAsync("/admin/users?Text=vp.cv2");
        await admin.GetByRole(AriaRole.Link, new() { Name = "vp.cv2", Exact = true }).ClickAsync();
        await app.ScreenshotBothAsync(admin, "user-edit-existing");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Vô hiệu hóa", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã vô hiệu hóa tài khoản");

        await user.GotoAsync("/");
        await Expect(user).ToHaveURLAsync(new Regex("/login(\\?|$)"));

        // And signing in again is refused with a sentence that says why.
        await user.Locator("#UserName").FillAsync("vp.cv2");
        await user.Locator("#Password").FillAsync(AppFixture.DemoPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản đã bị vô hiệu hóa");
    }

    [Fact]
    public async Task Language_switch_shows_English()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathIs("/login"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" })).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(page, "login-english");

        // Back to Vietnamese.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng nhập");
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var page = await NewPageAsync(AppFixture.Phone);
        await app.LoginAsync(page, "vp.cv1");
        await page.Locator("summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/login"));

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Audit_log_lists_the_login()
    {
        var someone = await NewPageAsync();
        await app.LoginAsync(someone, "vp.lanhdao");

        var admin = await NewPageAsync();
        await app.LoginAsync(admin, "admin");
        await admin.GotoAsync("/admin/audit");
        await admin.GetByLabel("Người thực hiện").FillAsync("vp.lanhdao");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("UserFilter=vp.lanhdao"));

        var row = admin.Locator("tbody tr", new() { HasText = "login.succeeded" });
        await Expect(row.First).ToContainTextAsync("vp.lanhdao");
        await app.ScreenshotBothAsync(admin, "audit");
    }

    [Theory]
    [InlineData("login")]
    [InlineData("home")]
    public async Task Login_and_home_pages_have_no_serious_accessibility_violations(string which)
    {
        var page = await NewPageAsync();
        if (which == "home") await app.LoginAsync(page, "admin");
        else await page.GotoAsync("/login");

        foreach (var size in new[] { AppFixture.Desktop, AppFixture.Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe();
            var bad = result.Violations.Where(v => v.Impact is "critical" or "serious").ToList();
            Assert.True(bad.Count == 0, $"{which} at {size.Width}px: " + string.Join("; ", bad.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        }
    }

    private sealed record CreatedUnit(string Id, string Name);

    private async Task<CreatedUnit> CreateUnitAsync(IPage page, string code, string? parentName)
    {
        var name = "Đơn vị thử " + code;
        await page.GotoAsync("/admin/units/edit");
        await page.GetByLabel("Mã đơn vị").FillAsync(code);
        await page.GetByLabel("Tên đơn vị", new() { Exact = true }).FillAsync(name);
        if (parentName is not null) await SelectParentAsync(page, parentName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/admin/units"));
        var href = await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
        return new CreatedUnit(href!.Split('/').Last(), name);
    }

    private static Task SelectParentAsync(IPage page, string unitName) => SelectOptionByTextAsync(page, "#ParentId", unitName);

    /// <summary>Options are indented with dots by depth, so match on the unit name they end with.</summary>
    private static async Task SelectOptionByTextAsync(IPage page, string select, string text)
    {
        var option = page.Locator($"{select} option").Filter(new() { HasTextRegex = new Regex(Regex.Escape(text) + "$") });
        var value = await option.First.GetAttributeAsync("value");
        await page.Locator(select).SelectOptionAsync(value!);
    }
}
