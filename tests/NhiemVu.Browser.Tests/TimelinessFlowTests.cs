using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>/reports/timeliness (entry and review timeliness) at desktop and phone widths, for the office and for a unit.</summary>
[Collection(AppCollection.Name)]
public sealed class TimelinessFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    private async Task NoSidewaysScrollOnPhone(IPage page, string what)
    {
        await page.SetViewportSizeAsync(AppFixture.Phone.Width, AppFixture.Phone.Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow}px on a phone");
        await page.SetViewportSizeAsync(AppFixture.Desktop.Width, AppFixture.Desktop.Height);
    }

    [Fact]
    public async Task Office_leader_reads_entry_timeliness_and_follows_a_late_figure_to_its_list()
    {
        var page = await app.NewPageAsync();
        _pages.Add(page);
        await app.LoginAsync(page, "vp.lanhdao");
        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập đúng hạn" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhập đúng hạn, xác nhận đúng hạn" })).ToBeVisibleAsync();
        // A whole quarter, so the demo's entries show.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        await page.FillAsync("#From", today.AddDays(-90).ToString("yyyy-MM-dd"));
        await page.FillAsync("#To", today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Expect(page.Locator("#by-specialist tbody tr").First).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(page, "timeliness-office");
        await NoSidewaysScrollOnPhone(page, "/reports/timeliness");

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));

        // A "late" figure leads to as many rows as it says.
        var late = page.Locator("#by-specialist tr.total td.warn a").First;
        var count = int.Parse(await late.InnerTextAsync());
        await late.ClickAsync();
        await Expect(page.Locator("[data-count]")).ToHaveTextAsync(count.ToString());
        await app.ScreenshotBothAsync(page, "timeliness-list");
        await NoSidewaysScrollOnPhone(page, "/reports/timeliness/list");
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_row()
    {
        var page = await app.NewPageAsync();
        _pages.Add(page);
        await app.LoginAsync(page, "sotc.daumoi");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        await page.GotoAsync($"/reports/timeliness?from={today.AddDays(-150):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        await Expect(page.Locator("#by-specialist")).ToHaveCountAsync(0);
        await Expect(page.Locator("#by-unit tbody tr")).ToHaveCountAsync(1);
        await app.ScreenshotBothAsync(page, "timeliness-unit");
    }
}
