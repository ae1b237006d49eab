using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>The administrator's working calendar and the office's briefing meetings with their lock.
/// The app here runs on the real clock, so the meeting is put tomorrow: its lock is on now.</summary>
[Collection(AppCollection.Name)]
public sealed class TimeRulesFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var p in _pages) await p.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    private static async Task AssertNoSeriousAxeViolations(IPage page, string which)
    {
        foreach (var size in new[] { AppFixture.Desktop, AppFixture.Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var bad = (await page.RunAxe()).Violations.Where(v => v.Impact is "critical" or "serious").ToList();
            Assert.True(bad.Count == 0, $"{which} at {size.Width}px: " + string.Join("; ", bad.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        }
        await page.SetViewportSizeAsync(AppFixture.Desktop.Width, AppFixture.Desktop.Height);
    }

    [Fact]
    public async Task Admin_adds_a_day_off_and_sees_it_listed()
    {
        var page = await NewPageAsync();
        await app.LoginAsync(page, "admin");
        await page.Locator("summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lịch làm việc năm");

        await page.GotoAsync("/admin/calendar?year=2026");
        await Expect(page.Locator("tbody tr", new() { HasText = "16/02/2026" })).ToContainTextAsync("Tết Nguyên đán");
        await app.ScreenshotBothAsync(page, "calendar-2026");

        // 4 May 2026 is a Monday.
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2026-05-04");
        await page.GetByLabel("Tên ngày nghỉ").FillAsync("Nghỉ hoán đổi dịp 30/4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày nghỉ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm ngày nghỉ 04/05/2026");
        var row = page.Locator("tbody tr", new() { HasText = "04/05/2026" }).First;
        await Expect(row).ToContainTextAsync("Nghỉ hoán đổi dịp 30/4");
        await Expect(row).ToContainTextAsync("Theo thông báo");
        await app.ScreenshotBothAsync(page, "calendar-day-off-added");

        // A make-up Saturday without picking the right kind of day is explained beside the field.
        await page.GetByLabel("Ngày (thứ Bảy, Chủ nhật hoặc ngày lễ)").FillAsync("2026-05-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày làm bù" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("ngày làm bù phải là thứ Bảy");
        await app.ScreenshotBothAsync(page, "calendar-make-up-error");
        await AssertNoSeriousAxeViolations(page, "calendar");
    }

    [Fact]
    public async Task Office_adds_a_meeting_and_a_locked_unit_user_sees_the_banner()
    {
        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.lanhdao");
        await office.Locator("summary").ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "Hội nghị giao ban" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội nghị giao ban kinh tế – xã hội");

        var tomorrow = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Local).DateTime).AddDays(1);
        var title = "Hội nghị giao ban kinh tế – xã hội " + Guid.NewGuid().ToString("N")[..4];
        await office.GetByLabel("Tên hội nghị").FillAsync(title);
        await office.GetByLabel("Bắt đầu").FillAsync($"{tomorrow:yyyy-MM-dd}T08:00");
        await office.GetByLabel("Kết thúc").FillAsync($"{tomorrow:yyyy-MM-dd}T11:30");
        await office.GetByRole(AriaRole.Button, new() { Name = "Thêm hội nghị" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm hội nghị");
        var card = office.Locator("section.meeting", new() { HasText = title });
        await Expect(card).ToContainTextAsync("Đang khóa cập nhật");
        await Expect(card).ToContainTextAsync($"{tomorrow:dd/MM/yyyy} 08:00");

        // Lift the lock for Sở Tư pháp, with a reason.
        await card.GetByText("Mở khóa cho một đơn vị").ClickAsync();
        await card.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Sở Tư pháp" });
        await card.GetByLabel("Lý do").FillAsync("Cập nhật kết quả thẩm định văn bản");
        await card.GetByRole(AriaRole.Button, new() { Name = "Mở khóa", Exact = true }).ClickAsync();
        await Expect(office.Locator("section.meeting", new() { HasText = title })).ToContainTextAsync("Sở Tư pháp — Cập nhật kết quả thẩm định văn bản");
        await office.Locator("section.meeting", new() { HasText = title }).GetByText("Mở khóa cho một đơn vị").ClickAsync();
        await app.ScreenshotBothAsync(office, "meetings");
        await AssertNoSeriousAxeViolations(office, "meetings");

        var unit = await NewPageAsync();
        await app.LoginAsync(unit, "sotc.daumoi");
        var banner = unit.Locator(".lock-banner");
        await Expect(banner).ToContainTextAsync("Đang khóa cập nhật thông tin");
        await Expect(banner).ToContainTextAsync(title);
        await Expect(banner).ToContainTextAsync($"{tomorrow:dd/MM/yyyy} 11:30");
        await app.ScreenshotBothAsync(unit, "home-locked-unit");
        await AssertNoSeriousAxeViolations(unit, "home-locked");

        var exempt = await NewPageAsync();
        await app.LoginAsync(exempt, "sotp.daumoi");
        await Expect(exempt.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nhiệm vụ của đơn vị");
        await Expect(exempt.Locator(".lock-banner")).ToHaveCountAsync(0);

        // Clean up: the meeting is deleted, and the unit is open again.
        await office.Locator("section.meeting", new() { HasText = title })
            .GetByRole(AriaRole.Button, new() { Name = "Xóa hội nghị" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xóa hội nghị");
        await unit.ReloadAsync();
        await Expect(unit.Locator(".lock-banner")).ToHaveCountAsync(0);
    }
}
