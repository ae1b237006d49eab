using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>Issue 6: a long list counts only up to a bound and says "Hơn N kết quả" instead of a total, with the next page still linked.</summary>
[Collection(AppCollection.Name)]
public sealed class ListFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_list_says_more_than_the_bound_and_pages_on()
    {
        var office = await app.NewPageAsync();
        _pages.Add(office);
        await app.LoginAsync(office, "vp.cv1");
        await office.GotoAsync("/assignments");
        var pager = office.GetByRole(AriaRole.Navigation, new() { Name = "Phân trang" });
        await Expect(pager.Locator(".total-lower-bound"))
            .ToHaveTextAsync($"Hơn {AppFixture.ListCountLimit} kết quả — hãy thêm từ tìm kiếm hoặc bộ lọc để thu hẹp");
        await Expect(pager).Not.ToContainTextAsync("Tổng");
        await Expect(office.Locator("table.list tbody tr")).ToHaveCountAsync(25);
        var firstOnPage1 = await office.Locator("table.list tbody tr").First.InnerTextAsync();
        await app.ScreenshotBothAsync(office, "assignments-more-than-bound");
        // The pager itself, where the person looks for the total (the full page is 25 cards long at 375 px).
        foreach (var (label, size) in new[] { ("desktop", AppFixture.Desktop), ("phone", AppFixture.Phone) })
        {
            await office.SetViewportSizeAsync(size.Width, size.Height);
            await pager.ScrollIntoViewIfNeededAsync();
            await office.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, $"assignments-more-than-bound-pager-{label}.png") });
        }
        await office.SetViewportSizeAsync(AppFixture.Desktop.Width, AppFixture.Desktop.Height);

        await pager.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("Page=2"));
        await Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Trang trước" })).ToBeVisibleAsync();
        Assert.True(await office.Locator("table.list tbody tr").CountAsync() > 0);
        Assert.NotEqual(firstOnPage1, await office.Locator("table.list tbody tr").First.InnerTextAsync());
        await Expect(pager).ToContainTextAsync("Trang 2");
        await Expect(pager.Locator(".total-lower-bound")).ToContainTextAsync($"Hơn {2 * 25} kết quả"); // page 2 counts one past itself

        // Narrowed by a filter under the bound: the exact total again.
        await office.GotoAsync("/assignments?State=AwaitingReview");
        await Expect(pager).ToContainTextAsync(new Regex(@"Tổng: \d+"));
        await Expect(pager.Locator(".total-lower-bound")).ToHaveCountAsync(0);
    }
}
