using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NhiemVu.Domain.Calendar;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>Issue 4: a deadline entered as "N ngày làm việc kể từ ngày ban hành", and the stale-progress badge in the list.
/// The app runs on the real clock; the demo data has assignments nobody has updated for weeks.</summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineAndStaleFlowTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

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

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().UtcDateTime,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")));

    [Fact]
    public async Task Office_enters_a_deadline_as_ten_working_days_sees_the_date_computed_and_saves_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var content = $"Báo cáo tình hình thu ngân sách quý IV {tag}";
        var issued = WorkingCalendar.Default.AddWorkingDays(Today, -2);
        var expected = WorkingCalendar.Default.AddWorkingDays(issued, 10);

        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.cv1");
        await office.GotoAsync("/documents/new");
        await office.GetByLabel("Số, ký hiệu").FillAsync($"{tag}/UBND-KT");
        await office.GetByLabel("Trích yếu").FillAsync($"Về việc báo cáo thu ngân sách {tag}");
        await office.GetByLabel("Ngày ban hành").FillAsync(issued.ToString("yyyy-MM-dd"));
        await office.GetByLabel("Người ký").FillAsync("Trần Thị Kim");
        await office.Locator("#DirectingLeaderId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.Locator("#c0").FillAsync(content);
        await office.Locator("#l0").GetByLabel("Sở Tài chính", new() { Exact = true }).CheckAsync();
        await office.GetByLabel("Hoặc số ngày làm việc kể từ khi ban hành").First.FillAsync("10");

        // The server computes the date (no JavaScript involved) and shows it back beside the field.
        await office.GetByRole(AriaRole.Button, new() { Name = "Tính thời hạn" }).ClickAsync();
        var computed = office.Locator("#wo0");
        await Expect(computed).ToContainTextAsync($"Thời hạn tính được: {expected:dd/MM/yyyy}");
        await Expect(office.Locator("#w0")).ToHaveValueAsync("10");
        await Expect(office.Locator("#c0")).ToHaveValueAsync(content);
        await computed.ScrollIntoViewIfNeededAsync();
        await app.ScreenshotBothAsync(office, "document-working-days");

        await office.GetByRole(AriaRole.Button, new() { Name = "Lưu và giao nhiệm vụ" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("/assignments\\?DocumentId="));
        var row = office.Locator("table.list tbody tr", new() { HasText = content });
        await Expect(row).ToContainTextAsync(expected.ToString("dd/MM/yyyy"));
        await row.GetByRole(AriaRole.Link, new() { Name = content }).ClickAsync();
        await Expect(office.Locator("dl.facts")).ToContainTextAsync($"10 ngày làm việc kể từ ngày ban hành (đến {expected:dd/MM/yyyy})");
        await app.ScreenshotBothAsync(office, "assignment-working-days");
    }

    [Fact]
    public async Task The_assignment_list_flags_assignments_without_recent_progress_in_words()
    {
        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.cv1");
        await office.GotoAsync("/assignments");
        await office.GetByLabel("Danh sách").SelectOptionAsync(new SelectOptionValue { Label = "Chưa cập nhật tiến độ" });
        await office.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("Flag=Stale"));
        var rows = office.Locator("table.list tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the demo province has assignments without recent progress");
        var badges = office.Locator("table.list tbody tr .badge.stale");
        Assert.Equal(await rows.CountAsync(), await badges.CountAsync());
        await Expect(badges.First).ToHaveTextAsync(new Regex(@"^Chưa cập nhật tiến độ \d+ ngày$"));
        await app.ScreenshotBothAsync(office, "assignments-stale");

        // A focal officer's inbox tile leads to the same list for the unit.
        var unit = await NewPageAsync();
        await app.LoginAsync(unit, "sotc.daumoi");
        var tile = unit.Locator(".tiles a.tile", new() { HasText = "Chưa cập nhật tiến độ" });
        await Expect(tile).ToBeVisibleAsync();
        await app.ScreenshotBothAsync(unit, "inbox-stale-tile");
    }
}
