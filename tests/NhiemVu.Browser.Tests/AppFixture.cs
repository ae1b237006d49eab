using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace NhiemVu.Browser.Tests;

/// <summary>
/// Starts the app once for the whole collection — real Kestrel on 127.0.0.1 (a browser needs a
/// socket), a temporary SQLite file, the demo province — and one headless Debian Chromium.
/// Each test opens its own context (own cookies) and page.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string DemoPassword = "demo-NhiemVu-2026";
    public static readonly (int Width, int Height) Desktop = (1280, 800);
    public static readonly (int Width, int Height) Phone = (375, 740);
    public const int ListCountLimit = 40;

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"nhiemvu-browser-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ScreenshotDir { get; } = ResolveScreenshotDir();

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", "Sqlite")
            .UseSetting("ConnectionStrings:Sqlite", $"Data Source={_dbPath}")
            .UseSetting("Demo", "true")
            // Lists count at most this many rows ("Hơn N kết quả" above it): lowered from 1,000 so the demo
            // province's whole list crosses it (ListFlowTests).
            .UseSetting("Workflow:SearchCountLimit", ListCountLimit.ToString()));
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        // The socket Kestrel really bound. (UseKestrel(0) here came up on localhost:5000, which
        // collides with anything else on the machine; an explicit Listen on port 0 gets a free port.)
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }

    /// <summary>A fresh context (no cookies) and page, desktop width unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync((int Width, int Height)? size = null)
    {
        var (w, h) = size ?? Desktop;
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = w, Height = h },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        // Two cores, and the browser's own work besides the app's: a sign-in can wait its turn for seconds (test.sh
        // runs the test projects one after another for this). Generous limits keep a busy machine from failing a
        // correct flow.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits for the home page.</summary>
    public async Task LoginAsync(IPage page, string user, string password = DemoPassword)
    {
        await page.GotoAsync("/login");
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(u => !new Uri(u).AbsolutePath.StartsWith("/login"));
    }

    /// <summary>Full-page screenshots of the current URL at desktop and phone widths.</summary>
    public async Task ScreenshotBothAsync(IPage page, string name)
    {
        foreach (var (label, size) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, $"{name}-{label}.png"), FullPage = true });
            // What the person sees first, without scrolling.
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, $"{name}-{label}-first-screen.png") });
        }
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    private static string ResolveScreenshotDir()
    {
        var env = Environment.GetEnvironmentVariable("NHIEMVU_SCREENSHOTS");
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        // bin/<Configuration>/<tfm>/ → the project folder's bin/screenshots
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NhiemVu.Browser.Tests.csproj")))
                return Path.Combine(dir.FullName, "bin", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
