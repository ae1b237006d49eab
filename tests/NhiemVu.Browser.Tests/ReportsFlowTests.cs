using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>The Chairman's dashboard and the report table, looked at desktop and phone widths.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportsFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task Chairman_lands_on_the_dashboard_and_follows_a_figure_to_its_list()
    {
        var page = await app.NewPageAsync();
        _pages.Add(page);
        await app.LoginAsync(page, "chutich");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan chỉ đạo" })).ToBeVisibleAsync();
        await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(page, "dashboard-chutich");

        // No horizontal scrolling of the page on a phone.
        await page.SetViewportSizeAsync(AppFixture.Phone.Width, AppFixture.Phone.Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the dashboard scrolls sideways by {overflow}px on a phone");
        await page.SetViewportSizeAsync(AppFixture.Desktop.Width, AppFixture.Desktop.Height);

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));

        // The overdue tile leads to the rows behind it, as many as it says.
        var tile = page.Locator("section[aria-labelledby=all-h] a.tile.cls-overdue");
        var count = int.Parse(await tile.Locator("strong").InnerTextAsync());
        await tile.ClickAsync();
        await Expect(page.Locator("[data-count]")).ToHaveTextAsync(count.ToString());
        await app.ScreenshotBothAsync(page, "report-rows");

        await page.GotoAsync("/reports");
        await Expect(page.Locator("table.stats tfoot")).ToContainTextAsync("Tổng cộng");
        await app.ScreenshotBothAsync(page, "reports");
    }
}
