using Deque.AxeCore.Playwright;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace NhiemVu.Browser.Tests;

/// <summary>The administrator sets the emulation ranking's weights; the office downloads its work queue as Excel.</summary>
[Collection(AppCollection.Name)]
public sealed class RankingWeightsFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync((int Width, int Height)? size = null)
    {
        var page = await app.NewPageAsync(size);
        _pages.Add(page);
        return page;
    }

    [Fact]
    public async Task Admin_sets_the_years_weights_and_the_office_downloads_the_work_queue()
    {
        var admin = await NewPageAsync();
        await app.LoginAsync(admin, "admin");
        // 2035: a year no other test touches, so it starts without weights of its own.
        await admin.GotoAsync("/admin/ranking-weights?year=2035");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trọng số xếp hạng thi đua năm 2035");
        await Expect(admin.Locator(".weights-source")).ToContainTextAsync("chưa có trọng số riêng");
        await app.ScreenshotBothAsync(admin, "ranking-weights");

        // A mistake first: all zero is refused beside the form, nothing saved.
        foreach (var label in new[] { "Tỷ lệ đúng hạn", "Tỷ lệ kịp thời", "Tỷ lệ hoàn thành", "Mỗi nhiệm vụ đang quá hạn", "Mỗi nhiệm vụ hoàn thành quá hạn",
                     "Mỗi nhiệm vụ chưa giải trình", "Mỗi lần gia hạn" })
            await admin.GetByLabel(label, new() { Exact = true }).FillAsync("0");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu trọng số năm 2035" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert).First).ToContainTextAsync("không được đồng thời bằng 0");
        await app.ScreenshotBothAsync(admin, "ranking-weights-error");

        await admin.GetByLabel("Tỷ lệ đúng hạn", new() { Exact = true }).FillAsync("1.5");
        await admin.GetByLabel("Mỗi nhiệm vụ đang quá hạn", new() { Exact = true }).FillAsync("2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu trọng số năm 2035" }).ClickAsync();
        await Expect(admin.Locator(".flash").First).ToContainTextAsync("Đã lưu trọng số xếp hạng thi đua năm 2035");
        await Expect(admin.GetByLabel("Tỷ lệ đúng hạn", new() { Exact = true })).ToHaveValueAsync("1.5");
        await Expect(admin.Locator(".weights-source")).ToContainTextAsync("đã đặt riêng cho năm này");
        var axe = await admin.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));

        // On a phone the form fits the screen.
        await admin.SetViewportSizeAsync(AppFixture.Phone.Width, AppFixture.Phone.Height);
        var overflow = await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the weights page scrolls sideways by {overflow}px on a phone");

        // The current year shows the ranking the weights give.
        await admin.SetViewportSizeAsync(AppFixture.Desktop.Width, AppFixture.Desktop.Height);
        await admin.GotoAsync("/admin/ranking-weights");
        await Expect(admin.Locator("table.list tbody tr").First).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(admin, "ranking-weights-current-year");

        // The admin lists with their "Tải Excel" links.
        foreach (var (url, name) in new[] { ("/admin/units", "admin-units"), ("/admin/audit", "admin-audit") })
        {
            await admin.GotoAsync(url);
            await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Tải Excel" })).ToBeVisibleAsync();
            await app.ScreenshotBothAsync(admin, name);
        }

        // The office's work queue, downloaded as a browser does.
        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.cv1");
        var reports = await office.Locator("section.card").First.Locator("tbody tr").CountAsync();
        await app.ScreenshotBothAsync(office, "office-queue");
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "Tải Excel hàng việc" }).ClickAsync());
        Assert.Equal("hang-viec.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var doc = SpreadsheetDocument.Open(path!, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Descendants<S.Sheet>().First();
        Assert.Equal("Báo cáo chờ xác nhận", sheet.Name!.Value);
        var rows = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet.Descendants<S.Row>().ToList();
        Assert.Equal("Nhiệm vụ", rows[0].Elements<S.Cell>().First().InnerText);
        Assert.Equal(reports, rows.Count - 1);
    }
}
