using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NhiemVu.Browser.Tests;

/// <summary>
/// The "done when": a document with one task for three units is entered by the office, one
/// unit receives, reports progress and a result, the office returns it, the unit reports again and
/// the office passes it — checking at each step what the lists show.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkflowFlowTests(AppFixture app) : IAsyncLifetime
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

    private static Regex PathIs(string path) => new($"^[^?]*//[^/]+{Regex.Escape(path)}(\\?.*)?$");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().UtcDateTime,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")));

    private static async Task<int> TileCountAsync(IPage page, string label)
    {
        var tile = page.Locator(".tiles a.tile", new() { HasText = label });
        return int.Parse((await tile.Locator("strong").InnerTextAsync()).Trim());
    }

    private static ILocator RowOf(IPage page, string content) =>
        page.Locator("table.list tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = content }) });

    /// <summary>Opens an action on the assignment page (a details/summary block) and returns its form.</summary>
    private static async Task<ILocator> OpenActionAsync(IPage page, string action)
    {
        var block = page.Locator("section.actions details", new() { Has = page.Locator("summary", new() { HasTextString = action }) });
        if (await block.GetAttributeAsync("open") is null) await block.Locator("summary").ClickAsync();
        return block.Locator("form");
    }

    [Fact]
    public async Task Office_assigns_to_three_units_one_unit_reports_twice_and_the_office_passes_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var content = $"Rà soát thủ tục hành chính lĩnh vực đất đai {tag}";
        var number = $"{tag}/UBND-KSTT";
        var deadline = Today.AddDays(30);

        // The unit's inbox before anything is assigned.
        var unit = await NewPageAsync(AppFixture.Phone);
        await app.LoginAsync(unit, "sotp.daumoi");
        var notReceivedBefore = await TileCountAsync(unit, "Chưa tiếp nhận");

        // 1. The office enters the document with one task for three lead units.
        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.cv1");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hàng việc");
        await office.GetByRole(AriaRole.Link, new() { Name = "Nhập văn bản chỉ đạo" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(PathIs("/documents/new"));
        await office.GetByLabel("Số, ký hiệu").FillAsync(number);
        await office.GetByLabel("Trích yếu").FillAsync($"Về việc rà soát thủ tục hành chính {tag}");
        await office.GetByLabel("Ngày ban hành").FillAsync(Today.ToString("yyyy-MM-dd"));
        await office.GetByLabel("Người ký").FillAsync("Trần Thị Kim");
        await office.Locator("#DirectingLeaderId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.Locator("#c0").FillAsync(content);
        foreach (var name in new[] { "Sở Tư pháp", "Sở Công Thương", "Sở Xây dựng" })
            await office.Locator("#l0").GetByLabel(name, new() { Exact = true }).CheckAsync();
        await office.Locator("#d0").FillAsync(deadline.ToString("yyyy-MM-dd"));
        await app.ScreenshotBothAsync(office, "document-new");
        await office.GetByRole(AriaRole.Button, new() { Name = "Lưu và giao nhiệm vụ" }).ClickAsync();

        // The list of the document's assignments: three rows, none received.
        await Expect(office).ToHaveURLAsync(new Regex("/assignments\\?DocumentId="));
        await Expect(office.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nhập văn bản và giao nhiệm vụ.");
        var rows = office.Locator("table.list tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        foreach (var name in new[] { "Sở Tư pháp", "Sở Công Thương", "Sở Xây dựng" })
        {
            var row = rows.Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("Chưa tiếp nhận");
            await Expect(row).ToContainTextAsync("Đang thực hiện trong hạn");
        }
        await app.ScreenshotBothAsync(office, "assignments-document");

        // 2. The focal officer of Sở Tư pháp sees it in the inbox and receives it there.
        await unit.GotoAsync("/");
        Assert.Equal(notReceivedBefore + 1, await TileCountAsync(unit, "Chưa tiếp nhận"));
        var inboxRow = RowOf(unit, content);
        await Expect(inboxRow).ToContainTextAsync("Chưa tiếp nhận");
        await app.ScreenshotBothAsync(unit, "inbox-unit");
        await inboxRow.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("Tiếp nhận");
        await Expect(RowOf(unit, content)).ToContainTextAsync("Đã tiếp nhận");
        Assert.Equal(notReceivedBefore, await TileCountAsync(unit, "Chưa tiếp nhận"));

        // 3. Progress, then a result report, from the assignment page.
        await RowOf(unit, content).GetByRole(AriaRole.Link, new() { Name = content }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(content);
        var progress = await OpenActionAsync(unit, "Cập nhật tiến độ");
        await progress.GetByLabel("Nội dung").FillAsync("Đã rà soát 12/20 thủ tục.");
        await progress.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("60");
        await app.ScreenshotBothAsync(unit, "assignment-unit");
        await progress.GetByRole(AriaRole.Button, new() { Name = "Cập nhật tiến độ" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("Cập nhật tiến độ");
        await Expect(unit.Locator(".facts")).ToContainTextAsync("Đã rà soát 12/20 thủ tục. (60%)");
        await Expect(unit.Locator("section.card").First).ToContainTextAsync("Đang thực hiện");

        await SubmitReportAsync(unit, $"{tag}-1/BC-STP");
        await Expect(unit.Locator("section.card").First).ToContainTextAsync("Chờ xác nhận");

        // 4. The office finds it in the work queue and returns it (không đạt) with a reason.
        await office.GotoAsync("/");
        var queued = RowOf(office, content);
        await Expect(queued).ToContainTextAsync("Sở Tư pháp");
        await app.ScreenshotBothAsync(office, "work-queue");
        await queued.GetByRole(AriaRole.Link, new() { Name = content }).ClickAsync();
        var review = await OpenActionAsync(office, "Xác nhận báo cáo");
        await review.GetByRole(AriaRole.Radio, new() { Name = "Không đạt" }).CheckAsync();
        await review.GetByLabel("Lý do (bắt buộc khi không đạt)").FillAsync("Thiếu số liệu thủ tục đã cắt giảm.");
        await app.ScreenshotBothAsync(office, "assignment-office-review");
        await review.GetByRole(AriaRole.Button, new() { Name = "Xác nhận báo cáo" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Xác nhận báo cáo");
        await Expect(office.Locator("section.card").First).ToContainTextAsync("Bị trả lại");
        await office.GotoAsync("/");
        await Expect(RowOf(office, content)).ToHaveCountAsync(0);

        // The unit sees it returned, with the reason, and reports again.
        await unit.GotoAsync("/");
        await Expect(RowOf(unit, content)).ToContainTextAsync("Bị trả lại");
        await RowOf(unit, content).GetByRole(AriaRole.Link, new() { Name = content }).ClickAsync();
        await Expect(unit.Locator("body")).ToContainTextAsync("Thiếu số liệu thủ tục đã cắt giảm.");
        await SubmitReportAsync(unit, $"{tag}-2/BC-STP");

        // 5. The office passes it (đạt): completed ahead of the deadline.
        await office.GotoAsync("/");
        await RowOf(office, content).GetByRole(AriaRole.Link, new() { Name = content }).ClickAsync();
        review = await OpenActionAsync(office, "Xác nhận báo cáo");
        await review.GetByRole(AriaRole.Radio, new() { Name = "Đạt", Exact = true }).CheckAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Xác nhận báo cáo" }).ClickAsync();
        await Expect(office.Locator("section.card").First).ToContainTextAsync(new Regex("Hoàn thành (trước|đúng) hạn"));
        await app.ScreenshotBothAsync(office, "assignment-completed");

        // The filtered list agrees: the lead unit's row is completed, the other two still open.
        await office.GotoAsync($"/assignments?Q={Uri.EscapeDataString(tag)}&State=Completed");
        await Expect(office.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Expect(RowOf(office, content)).ToContainTextAsync("Sở Tư pháp");
        await Expect(RowOf(office, content).Locator(".badge")).ToHaveClassAsync(new Regex("cls-ontime"));
        await Expect(RowOf(office, content).Locator(".badge")).ToHaveTextAsync(new Regex("Hoàn thành (trước|đúng) hạn"));
        await app.ScreenshotBothAsync(office, "assignments-filtered");
        await office.GotoAsync($"/assignments?Q={Uri.EscapeDataString(tag)}&State=Assigned");
        await Expect(office.Locator("table.list tbody tr")).ToHaveCountAsync(2);

        // And it has left the unit's inbox.
        await unit.GotoAsync("/");
        await Expect(RowOf(unit, content)).ToHaveCountAsync(0);
    }

    private async Task SubmitReportAsync(IPage unit, string number)
    {
        var report = await OpenActionAsync(unit, "Báo cáo kết quả");
        await report.GetByLabel("Tên văn bản báo cáo").FillAsync("Báo cáo kết quả rà soát thủ tục hành chính");
        await report.GetByLabel("Số, ký hiệu").FillAsync(number);
        await report.GetByLabel("Ngày ban hành").FillAsync(Today.ToString("yyyy-MM-dd"));
        await report.GetByLabel("Trích yếu").FillAsync("Kết quả rà soát, đề xuất cắt giảm 5 thủ tục.");
        await report.GetByLabel("Người ký").FillAsync("Nguyễn Văn Tư");
        await report.GetByRole(AriaRole.Button, new() { Name = "Báo cáo kết quả" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("Báo cáo kết quả");
    }
    /// <summary>Entering the same task twice: the second time the form lists the open task and saves only after the tick box.</summary>
    [Fact]
    public async Task A_near_duplicate_task_is_shown_on_the_form_and_saved_after_confirmation()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var office = await NewPageAsync();
        await app.LoginAsync(office, "vp.cv2");
        async Task FillAsync(string number, string content)
        {
            await office.GotoAsync("/documents/new");
            await office.GetByLabel("Số, ký hiệu").FillAsync(number);
            await office.GetByLabel("Trích yếu").FillAsync($"Về việc giải ngân vốn đầu tư công {tag}");
            await office.GetByLabel("Ngày ban hành").FillAsync(Today.ToString("yyyy-MM-dd"));
            await office.GetByLabel("Người ký").FillAsync("Trần Thị Kim");
            await office.Locator("#DirectingLeaderId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await office.Locator("#c0").FillAsync(content);
            await office.Locator("#l0").GetByLabel("Sở Y tế", new() { Exact = true }).CheckAsync();
            await office.Locator("#ndr0").FillAsync("Nhiệm vụ thường xuyên, theo dõi cả năm");
            await office.GetByRole(AriaRole.Button, new() { Name = "Lưu và giao nhiệm vụ" }).ClickAsync();
        }
        await FillAsync($"{tag}/UBND-KT", $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công. {tag}");
        await Expect(office).ToHaveURLAsync(new Regex("/assignments\\?DocumentId="));

        await FillAsync($"{tag}b/UBND-KT", $"Rà soát, báo cáo kết quả giải ngân vốn đầu tư công {tag}");
        await Expect(office).ToHaveURLAsync(PathIs("/documents/new"));
        var similar = office.Locator("section.near-duplicates");
        await Expect(similar.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nhiệm vụ đang thực hiện có nội dung gần trùng");
        await Expect(similar.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(similar.Locator("tbody tr")).ToContainTextAsync($"{tag}/UBND-KT");
        await Expect(similar.Locator("tbody tr")).ToContainTextAsync("Sở Y tế");
        await app.ScreenshotBothAsync(office, "document-near-duplicate");
        await similar.GetByLabel("Tôi đã kiểm tra, đây không phải nhiệm vụ trùng; vẫn lưu").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Lưu và giao nhiệm vụ" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("/assignments\\?DocumentId="));
        await Expect(office.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nhập văn bản và giao nhiệm vụ.");
    }
}
