using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>"Tải Excel" of every list: the workbook opened with the Open XML SDK has the Vietnamese headers, typed
/// dates, as many rows as the API/page list, and is refused to those who may not see the list.</summary>
public abstract class ListExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet read back: the header texts, the data rows (cells by column letter) and the number format of each data cell.</summary>
    private sealed record Sheet(List<string> Headers, List<Dictionary<string, S.Cell>> Rows, Func<S.Cell, string> FormatOf)
    {
        public int Column(string header)
        {
            var i = Headers.IndexOf(header);
            Assert.True(i >= 0, $"no column \"{header}\" in [{string.Join(", ", Headers)}]");
            return i;
        }

        public static string Letter(int i) => ((char)('A' + i)).ToString();

        /// <summary>Every non-empty cell of the column is a number with a date format, and reads back as a date.</summary>
        public void AssertDates(string header, bool withTime = false)
        {
            var col = Letter(Column(header));
            var cells = Rows.Select(r => r.GetValueOrDefault(col)).Where(c => c is not null).Cast<S.Cell>().ToList();
            Assert.NotEmpty(cells);
            foreach (var c in cells)
            {
                Assert.Equal(S.CellValues.Number, c.DataType!.Value);
                Assert.Equal(withTime ? "dd/mm/yyyy hh:mm" : "dd/mm/yyyy", FormatOf(c));
                var d = DateTime.FromOADate(double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture));
                Assert.InRange(d.Year, 2000, 2100);
            }
        }

        public string Text(int row, string header) => Rows[row].GetValueOrDefault(Letter(Column(header)))?.InnerText ?? "";
    }

    private static Dictionary<string, Sheet> Open(byte[] bytes)
    {
        var result = new Dictionary<string, Sheet>();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var styles = wb.WorkbookStylesPart!.Stylesheet;
        string FormatOf(S.Cell c)
        {
            var xf = styles.CellFormats!.Elements<S.CellFormat>().ElementAt((int)c.StyleIndex!.Value);
            var id = xf.NumberFormatId!.Value;
            return styles.NumberingFormats?.Elements<S.NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value ?? $"builtin:{id}";
        }
        foreach (var s in wb.Workbook.Descendants<S.Sheet>())
        {
            var rows = ((WorksheetPart)wb.GetPartById(s.Id!)).Worksheet.Descendants<S.Row>().ToList();
            var headers = rows[0].Elements<S.Cell>().Select(c => c.InnerText).ToList();
            var data = rows.Skip(1).Select(r => r.Elements<S.Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()))).ToList();
            result[s.Name!.Value!] = new Sheet(headers, data, FormatOf);
        }
        return result;
    }

    private async Task<Dictionary<string, Sheet>> Download(string user, string url)
    {
        var res = await (await w.As(user)).GetAsync(url);
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        Assert.Equal(Xlsx, res.Content.Headers.ContentType?.MediaType);
        return Open(await res.Content.ReadAsByteArrayAsync());
    }

    private async Task<JsonElement> Json(string user, string url) =>
        await (await (await w.As(user)).GetAsync(url)).Read<JsonElement>();

    private async Task Refused(string user, string url)
    {
        var res = await (await w.As(user)).GetAsync(url);
        Assert.True(res.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{user} {url}: {(int)res.StatusCode}");
    }

    /// <summary>A page as a signed-in browser sees it, and a download from the link it shows.</summary>
    private async Task<Dictionary<string, Sheet>> FromPage(string user, string page, string linkPrefix)
    {
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync(user);
        var html = WebUtility.HtmlDecode(await browser.Client.GetStringAsync(page));
        var at = html.IndexOf($"href=\"{linkPrefix}", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{page} has no link {linkPrefix}");
        var link = html[(at + 6)..html.IndexOf('"', at + 6)];
        var res = await browser.Client.GetAsync(link);
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{link}: {(int)res.StatusCode}");
        Assert.Equal(Xlsx, res.Content.Headers.ContentType?.MediaType);
        return Open(await res.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Units_and_accounts_export_for_the_administrator_only()
    {
        var units = Assert.Single(await Download("admin", "/api/units/export.xlsx?includeInactive=true")).Value;
        Assert.Equal((await Json("admin", "/api/units?includeInactive=true")).GetArrayLength(), units.Rows.Count);
        Assert.Equal("Mã", units.Headers[0]);
        units.AssertDates("Hoạt động từ");
        Assert.Contains(units.Rows, r => r["A"].InnerText == "huyenxua"); // the dissolved district, shown with inactive units
        var active = Assert.Single(await FromPage("admin", "/admin/units", "/admin/units/export.xlsx")).Value;
        Assert.Equal((await Json("admin", "/api/units?includeInactive=false")).GetArrayLength(), active.Rows.Count);

        var focal = Assert.Single(await Download("admin", "/api/users/export.xlsx?role=FocalOfficer")).Value;
        Assert.Equal((await Json("admin", "/api/users?role=FocalOfficer&pageSize=500")).GetProperty("total").GetInt32(), focal.Rows.Count);
        Assert.Contains("Tên đăng nhập", focal.Headers);
        Assert.All(Enumerable.Range(0, focal.Rows.Count), i => Assert.EndsWith(".daumoi", focal.Text(i, "Tên đăng nhập")));
        var all = Assert.Single(await FromPage("admin", "/admin/users", "/admin/users/export.xlsx")).Value;
        Assert.Equal((await Json("admin", "/api/users?pageSize=500")).GetProperty("total").GetInt32(), all.Rows.Count);

        foreach (var user in new[] { "vp.cv1", "sotc.daumoi" })
        {
            await Refused(user, "/api/units/export.xlsx");
            await Refused(user, "/api/users/export.xlsx");
        }
    }

    [Fact]
    public async Task The_audit_log_exports_with_its_filters_for_the_administrator_only()
    {
        var today = w.Today.ToString("yyyy-MM-dd");
        var filter = $"action=Unit.&to={today}";
        var sheet = Assert.Single(await Download("admin", $"/api/audit/export.xlsx?{filter}")).Value;
        var total = (await Json("admin", $"/api/audit?{filter}&pageSize=500")).GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(total, sheet.Rows.Count);
        Assert.All(Enumerable.Range(0, sheet.Rows.Count), i => Assert.Contains("Unit.", sheet.Text(i, "Thao tác")));
        sheet.AssertDates("Thời điểm", withTime: true);

        // The page's link carries the page's filters (the page calls the user filter "UserFilter").
        var fromPage = Assert.Single(await FromPage("admin", $"/admin/audit?Action=Unit.&To={today}&UserFilter=system", "/admin/audit/export.xlsx")).Value;
        var bySystem = (await Json("admin", $"/api/audit?{filter}&user=system&pageSize=500")).GetProperty("total").GetInt32();
        Assert.Equal(bySystem, fromPage.Rows.Count);

        foreach (var user in new[] { "vp.lanhdao", "chutich", "sotc.daumoi" })
            await Refused(user, $"/api/audit/export.xlsx?{filter}");
        var office = new CookieBrowser(app.Factory);
        await office.LoginAsync("vp.cv1");
        Assert.NotEqual("200", await office.VisitAsync("/admin/audit/export.xlsx"));
    }

    [Fact]
    public async Task The_office_work_queue_exports_both_lists()
    {
        var book = await Download("vp.cv1", "/api/assignments/queue.xlsx");
        var queue = await Json("vp.cv1", "/api/assignments/queue");
        Assert.Equal(queue.GetProperty("reports").GetArrayLength(), book["Báo cáo chờ xác nhận"].Rows.Count);
        Assert.Equal(queue.GetProperty("requests").GetArrayLength(), book["Đề nghị"].Rows.Count);
        Assert.True(book["Báo cáo chờ xác nhận"].Rows.Count > 0, "the demo has reports awaiting review");
        book["Báo cáo chờ xác nhận"].AssertDates("Gửi lúc", withTime: true);
        Assert.Contains("Đã chờ (ngày làm việc)", book["Đề nghị"].Headers);
        var fromPage = await FromPage("vp.cv1", "/", "/queue/export.xlsx");
        Assert.Equal(book["Đề nghị"].Rows.Count, fromPage["Đề nghị"].Rows.Count);
        await Refused("sotc.daumoi", "/api/assignments/queue.xlsx");
        await Refused("chutich", "/api/assignments/queue.xlsx");
    }

    [Fact]
    public async Task Ranking_drill_down_and_dashboard_export_for_report_readers_only()
    {
        var year = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;
        var ranking = await Download("vp.lanhdao", $"/api/reports/ranking.xlsx?year={year}");
        var api = (await Json("vp.lanhdao", $"/api/reports/ranking?year={year}")).EnumerateArray().ToList();
        Assert.Equal(api.Count, ranking["Xếp hạng thi đua"].Rows.Count);
        Assert.Equal(api[0].GetProperty("unitName").GetString(), ranking["Xếp hạng thi đua"].Text(0, "Đơn vị"));
        Assert.Single(ranking["Trọng số"].Rows);
        Assert.Equal(api.Count, (await FromPage("vp.lanhdao", $"/reports/ranking?year={year}", "/reports/ranking.xlsx"))["Xếp hạng thi đua"].Rows.Count);

        // The rows behind a figure: as many as the figure says.
        var from = new DateOnly(w.Today.Year, w.Today.Month, 1).AddMonths(-2);
        var q = $"from={from:yyyy-MM-dd}&to={w.Today:yyyy-MM-dd}&groupBy=Unit";
        var stats = await Json("vp.cv1", $"/api/reports/statistics?{q}");
        var overdue = stats.GetProperty("total").GetProperty("inProgressOverdue").GetInt32();
        Assert.True(overdue > 0);
        var rows = Assert.Single(await Download("vp.cv1", $"/api/reports/rows.xlsx?{q}&measure=InProgressOverdue")).Value;
        Assert.Equal(overdue, rows.Rows.Count);
        rows.AssertDates("Thời hạn");
        var group = stats.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("inProgressOverdue").GetInt32() > 0);
        var key = group.GetProperty("key").GetString()!;
        var pageRows = Assert.Single(await FromPage("vp.cv1", $"/reports/rows?{q}&key={key}&measure=InProgressOverdue", "/reports/rows.xlsx")).Value;
        Assert.Equal(group.GetProperty("inProgressOverdue").GetInt32(), pageRows.Rows.Count);
        Assert.All(Enumerable.Range(0, pageRows.Rows.Count), i => Assert.Equal(group.GetProperty("label").GetString(), pageRows.Text(i, "Đơn vị chủ trì")));
        var noDeadline = Assert.Single(await Download("vp.cv1", $"/api/reports/rows.xlsx?{q}&measure=NoDeadline")).Value;
        Assert.Equal(stats.GetProperty("total").GetProperty("noDeadline").GetInt32(), noDeadline.Rows.Count);
        Assert.All(Enumerable.Range(0, noDeadline.Rows.Count), i => Assert.NotEqual("", noDeadline.Text(i, "Lý do không có thời hạn")));

        // The dashboard's tables.
        var dash = await Download("chutich", "/api/reports/dashboard.xlsx");
        Assert.Equal(["Tôi chỉ đạo – quá hạn", "Quá hạn theo đơn vị", "Xu hướng 6 tháng", "Đến hạn tuần này", "Đơn vị chậm nhất"], dash.Keys);
        Assert.Equal(6, dash["Xu hướng 6 tháng"].Rows.Count);
        dash["Xu hướng 6 tháng"].AssertDates("Tính đến", withTime: true);
        var month = await Json("chutich", $"/api/reports/statistics?groupBy=Unit");
        Assert.Equal(month.GetProperty("groups").EnumerateArray().Count(g => g.GetProperty("inProgressOverdue").GetInt32() > 0),
            dash["Quá hạn theo đơn vị"].Rows.Count);
        Assert.Equal(5, (await FromPage("chutich", "/dashboard", "/dashboard/export.xlsx")).Count);

        // A unit user sees no province-wide figures, so no rows of other units either.
        foreach (var url in new[] { $"/api/reports/ranking.xlsx?year={year}", $"/api/reports/rows.xlsx?{q}&measure=Total", "/api/reports/dashboard.xlsx" })
            await Refused("sotc.daumoi", url);
        var unitBrowser = new CookieBrowser(app.Factory);
        await unitBrowser.LoginAsync("sotc.daumoi");
        Assert.NotEqual("200", await unitBrowser.VisitAsync($"/reports/rows.xlsx?{q}&measure=Total"));
    }

    [Fact]
    public async Task A_unit_user_downloads_only_the_assignments_the_unit_sees()
    {
        var other = await w.Unit("soxd");
        var mine = await w.List("sotc.daumoi", $"unitId={other}");
        var office = await w.List("vp.cv1", $"unitId={other}");
        Assert.True(office.Count > mine.Count, "the office sees more of Sở Xây dựng's assignments than Sở Tài chính does");
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("sotc.daumoi");
        var bytes = await browser.Client.GetByteArrayAsync($"/assignments/export.xlsx?UnitId={other}");
        Assert.Equal(mine.Count, Open(bytes)["Nhiệm vụ"].Rows.Count);
    }

    [Fact]
    public async Task Meetings_and_the_calendar_year_export_with_dates()
    {
        var office = await w.As("vp.cv1");
        await (await office.PostJson("/api/meetings", new { title = "Hội nghị giao ban kiểm thử Excel", start = "2041-03-05T08:00", end = "2041-03-05T11:00" }))
            .Read<JsonElement>(HttpStatusCode.Created);
        var meetings = Assert.Single(await Download("vp.cv1", "/api/meetings/export.xlsx?includePast=true")).Value;
        Assert.Equal((await Json("vp.cv1", "/api/meetings?includePast=true")).GetArrayLength(), meetings.Rows.Count);
        meetings.AssertDates("Bắt đầu", withTime: true);
        Assert.Contains(Enumerable.Range(0, meetings.Rows.Count), i => meetings.Text(i, "Hội nghị") == "Hội nghị giao ban kiểm thử Excel");
        Assert.Equal(meetings.Rows.Count, Assert.Single(await FromPage("vp.cv1", "/office/meetings?past=true", "/office/meetings/export.xlsx")).Value.Rows.Count);

        var year = await Json("admin", "/api/calendar/2026");
        var cal = Assert.Single(await Download("admin", "/api/calendar/2026/export.xlsx")).Value;
        Assert.Equal(year.GetProperty("daysOff").GetArrayLength() + year.GetProperty("makeUpWorkingDays").GetArrayLength(), cal.Rows.Count);
        cal.AssertDates("Ngày");
        Assert.Contains(Enumerable.Range(0, cal.Rows.Count), i => cal.Text(i, "Tên").Contains("Quốc khánh", StringComparison.OrdinalIgnoreCase)
                                                                 || cal.Text(i, "Tên").Contains("Tết", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(cal.Rows.Count, Assert.Single(await FromPage("admin", "/admin/calendar?year=2026", "/admin/calendar/export.xlsx")).Value.Rows.Count);
        var unit = new CookieBrowser(app.Factory);
        await unit.LoginAsync("sotc.daumoi");
        Assert.NotEqual("200", await unit.VisitAsync("/admin/calendar/export.xlsx?year=2026"));
    }
}

public sealed class ListExportTests_Sqlite(SqliteApp app) : ListExportTests<SqliteApp>(app);
public sealed class ListExportTests_Postgres(PostgresApp app) : ListExportTests<PostgresApp>(app);
