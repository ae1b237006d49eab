using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>Reports through HTTP on the demo province: figures against an independent recount, as-of reproducibility,
/// downloads, drill-downs, the portal and who may see what.</summary>
public abstract partial class ReportsHttpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    private string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));

    private async Task<JsonElement> Statistics(string user, string query) =>
        await (await (await w.As(user)).GetAsync($"/api/reports/statistics?{query}")).Read<JsonElement>();

    private async Task<string> Page(string user, string url)
    {
        var res = await (await w.As(user)).GetAsync(url);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {(int)res.StatusCode} {body}");
        return body;
    }

    // ------------------------------------------------------------------ an independent recount from the events

    private sealed record Counted(Guid Unit, string Class, bool Awaiting);

    /// <summary>Replays the events in the simplest way: the state and unit the events record, the deadline the last
    /// deadline-setting event set, the submission of the deciding report; the period rule of the domain notes.</summary>
    private async Task<List<Counted>> Recount(DateOnly from, DateOnly to, DateTimeOffset t) => await app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var events = (await db.AssignmentEvents.AsNoTracking().ToListAsync()).Where(e => e.AtUtc <= t).GroupBy(e => e.AssignmentId);
        var docs = await (from a in db.Assignments join tk in db.Tasks on a.TaskId equals tk.Id join d in db.Documents on tk.DocumentId equals d.Id
                          select new { a.Id, d.Source, d.Kind, d.NumberAndSymbol }).ToDictionaryAsync(x => x.Id);
        var reports = await db.AssignmentReports.AsNoTracking().ToDictionaryAsync(r => r.Id);
        static DateOnly Local(DateTimeOffset x) => DateOnly.FromDateTime(x.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var result = new List<Counted>();
        foreach (var g in events)
        {
            var ev = g.OrderBy(e => e.Sequence).ToList();
            var state = ev.Last(e => e.ToState != null).ToState!.Value;
            if (state == AssignmentState.Cancelled) continue;
            DateOnly? deadline = null;
            var unit = ev[0].LeadUnitId;
            foreach (var e in ev)
            {
                if (e.Kind == AssignmentEventKind.Transferred && e.ToUnitId is { } u) unit = u;
                if (e.Kind == AssignmentEventKind.Assigned) deadline = e.NewDeadline;
                else if (e.Kind is AssignmentEventKind.ExtensionApproved or AssignmentEventKind.AdjustmentApproved or AssignmentEventKind.Transferred
                         && e.NewDeadline is not null) deadline = e.NewDeadline;
            }
            Guid? decidingReport = state switch
            {
                AssignmentState.Completed => ev.Last(e => e.Kind == AssignmentEventKind.ReviewPassed).ReportId,
                AssignmentState.AwaitingReview => ev.Last(e => e.Kind == AssignmentEventKind.ReportSubmitted).ReportId,
                _ => null,
            };
            DateOnly? submitted = decidingReport is { } rid ? Local(ev.Last(e => e.Kind == AssignmentEventKind.ReportSubmitted && e.ReportId == rid).AtUtc) : null;
            var assignedOn = Local(ev[0].AtUtc);
            if (deadline is { } dl)
            {
                if (dl > to) continue;
                if (dl < from && submitted is { } s0 && s0 < from) continue;
            }
            else if (assignedOn < from || assignedOn > to) continue;
            var doc = docs[g.Key];
            if (doc.Source == SourceKind.Document && doc.Kind != DirectiveKind.PhieuLayYKien && string.IsNullOrWhiteSpace(doc.NumberAndSymbol)) continue;
            if (decidingReport is { } r && (string.IsNullOrWhiteSpace(reports[r].NumberAndSymbol) || string.IsNullOrWhiteSpace(reports[r].SignerName))) continue;
            var today = Local(t);
            var cls = deadline is not { } d ? "NoDeadline"
                : submitted is { } s ? (s < d ? "CompletedEarly" : s == d ? "CompletedOnTime" : "CompletedLate")
                : today <= d ? "InProgressWithinDeadline" : "InProgressOverdue";
            result.Add(new Counted(unit, cls, state == AssignmentState.AwaitingReview));
        }
        return result;
    });

    private static readonly string[] Classes = ["CompletedEarly", "CompletedOnTime", "CompletedLate", "InProgressWithinDeadline", "InProgressOverdue", "NoDeadline"];

    private static (DateOnly From, DateOnly To) ThisMonth(DateOnly today) =>
        (new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));

    [Fact]
    public async Task Per_unit_table_equals_an_independent_recount_from_the_events()
    {
        var t = app.Clock.GetUtcNow();
        foreach (var (from, to) in new[] { ThisMonth(w.Today), ThisMonth(w.Today.AddMonths(-2)), (w.Today.AddMonths(-4), w.Today) })
        {
            var stats = await Statistics("vp.cv1", $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&asOf={Iso(t)}&groupBy=Unit");
            var expected = await Recount(from, to, t);
            Assert.True(expected.Count > 10, $"the demo should fill {from}–{to}");
            Assert.Equal(expected.Count, stats.GetProperty("total").GetProperty("total").GetInt32());
            var groups = stats.GetProperty("groups").EnumerateArray().ToDictionary(g => Guid.Parse(g.GetProperty("key").GetString()!));
            Assert.Equal(expected.Select(e => e.Unit).Distinct().Order(), groups.Keys.Order());
            foreach (var (unit, g) in groups)
            {
                var mine = expected.Where(e => e.Unit == unit).ToList();
                Assert.Equal(mine.Count, g.GetProperty("total").GetInt32());
                foreach (var c in Classes)
                    Assert.True(mine.Count(e => e.Class == c) == g.GetProperty(char.ToLowerInvariant(c[0]) + c[1..]).GetInt32(),
                        $"{from}–{to}, unit {unit}, {c}");
                Assert.Equal(mine.Count(e => e.Awaiting), g.GetProperty("awaitingConfirmation").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Dashboard_totals_equal_the_recount_and_lead_to_lists_of_that_size()
    {
        var (from, to) = ThisMonth(w.Today);
        var expected = await Recount(from, to, app.Clock.GetUtcNow());
        var html = WebUtility.HtmlDecode(await Page("chutich", "/dashboard"));
        Assert.Contains("Nhiệm vụ tôi chỉ đạo", html);
        foreach (var (measure, count) in new[]
                 {
                     ("Total", expected.Count), ("InProgressOverdue", expected.Count(e => e.Class == "InProgressOverdue")),
                     ("AwaitingConfirmation", expected.Count(e => e.Awaiting)),
                 })
        {
            var m = Regex.Match(html, $"href=\"(/reports/rows\\?[^\"]*key=(?:\\*|%2A)&measure={measure})\"><strong>(\\d+)</strong>");
            Assert.True(m.Success, measure);
            Assert.Equal(count, int.Parse(m.Groups[2].Value));
            Assert.Equal(count, RowCount(await Page("chutich", m.Groups[1].Value)));
        }
        // The Chairman lands on the dashboard.
        Assert.Equal("/dashboard", (await (await w.As("chutich")).GetAsync("/")).Headers.Location?.OriginalString);
        Assert.Contains("<svg class=\"chart\"", html);
    }

    private static int RowCount(string html) => Regex.Matches(html, "data-assignment=").Count;

    [Fact]
    public async Task Every_figure_of_the_report_page_links_to_a_list_of_that_many_assignments()
    {
        var html = await Page("vp.lanhdao", "/reports?groupBy=Unit");
        var links = Regex.Matches(html, "<a href=\"(/reports/rows[^\"]+)\">(\\d+)</a>").Select(m => (Url: WebUtility.HtmlDecode(m.Groups[1].Value), N: int.Parse(m.Groups[2].Value))).ToList();
        Assert.True(links.Count > 30, $"only {links.Count} links");
        // Every distinct measure, plus a sample of the rest.
        var sample = links.GroupBy(l => Regex.Match(l.Url, "measure=(\\w+)").Groups[1].Value).SelectMany(g => g.Take(3)).ToList();
        foreach (var (url, n) in sample) Assert.True(n == RowCount(await Page("vp.lanhdao", url)), url);
        // The rate cells link to their denominators.
        Assert.Contains("measure=WithDeadline", html);
    }

    [Fact]
    public async Task Statistics_as_of_T_stay_identical_after_later_reviews_extensions_and_transfers()
    {
        var a = (await w.EnterDocument("Báo cáo tại thời điểm T – chờ xác nhận", ["sotc"], deadline: w.Today.AddDays(10))).Tasks[0].Assignments[0].Id;
        var b = (await w.EnterDocument("Báo cáo tại thời điểm T – gia hạn", ["sotc"], deadline: w.Today.AddDays(12))).Tasks[0].Assignments[0].Id;
        var c = (await w.EnterDocument("Báo cáo tại thời điểm T – chuyển giao", ["soyt"], deadline: w.Today.AddDays(14))).Tasks[0].Assignments[0].Id;
        await (await w.Act("sotc.daumoi", a, "reports", s => w.ReportToday(s, "asof-1"))).Read<JsonElement>();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var t = app.Clock.GetUtcNow();
        var q = $"from={w.Today:yyyy-MM-dd}&to={w.Today.AddDays(60):yyyy-MM-dd}&asOf={Iso(t)}&groupBy=Unit";
        var before = (await Statistics("vp.cv1", q)).GetRawText();
        var xlsxBefore = await (await w.As("vp.cv1")).GetByteArrayAsync($"/api/reports/statistics.xlsx?{q}");

        app.Clock.Advance(TimeSpan.FromMinutes(10)); // less than a bearer token's life: the cached clients stay signed in
        await (await w.Act("vp.cv1", a, "review", s => new { passed = true, concurrencyStamp = s })).Read<JsonElement>();
        var ext = await (await w.Act("sotc.daumoi", b, "extensions", s => new { newDeadline = w.Today.AddDays(40), reason = "Chờ ý kiến Bộ", concurrencyStamp = s }))
            .Read<JsonElement>();
        var requestId = ext.GetProperty("requestId").GetGuid();
        var stamp = (await w.Get("vp.cv1", b)).Row.ConcurrencyStamp;
        (await w.Post("vp.lanhdao", b, $"extensions/{requestId}/decision",
            new { approve = true, approvedDeadline = w.Today.AddDays(40), concurrencyStamp = stamp })).EnsureSuccessStatusCode();
        var sotp = await w.Unit("sotp");
        await (await w.Act("vp.cv1", c, "transfer", s => new { toUnitId = sotp, reason = "Đúng chức năng", concurrencyStamp = s })).Read<JsonElement>();

        Assert.Equal(before, (await Statistics("vp.cv1", q)).GetRawText());
        Assert.Equal(CellTexts(xlsxBefore), CellTexts(await (await w.As("vp.cv1")).GetByteArrayAsync($"/api/reports/statistics.xlsx?{q}")));
        // Now (after the changes) the figures do differ: the review and the transfer show.
        var now = await Statistics("vp.cv1", $"from={w.Today:yyyy-MM-dd}&to={w.Today.AddDays(60):yyyy-MM-dd}&groupBy=Unit");
        Assert.NotEqual(JsonDocument.Parse(before).RootElement.GetProperty("total").GetProperty("awaitingConfirmation").GetInt32(),
            now.GetProperty("total").GetProperty("awaitingConfirmation").GetInt32());
    }

    private static List<string> CellTexts(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var texts = new List<string>();
        foreach (var ws in wb.Workbook.Descendants<S.Sheet>().Select(s => (WorksheetPart)wb.GetPartById(s.Id!)))
            foreach (var cell in ws.Worksheet.Descendants<S.Cell>())
                texts.Add(cell.DataType?.Value == S.CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                    : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
        return texts;
    }

    private static List<List<string>> SheetRows(byte[] xlsx, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var s = wb.Workbook.Descendants<S.Sheet>().Single(x => x.Name == sheet);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return ((WorksheetPart)wb.GetPartById(s.Id!)).Worksheet.Descendants<S.Row>().Select(r => r.Elements<S.Cell>().Select(cell =>
            cell.DataType?.Value == S.CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").ToList()).ToList();
    }

    [Fact]
    public async Task Excel_and_Word_downloads_carry_the_figures()
    {
        var (from, to) = ThisMonth(w.Today);
        var t = app.Clock.GetUtcNow();
        var q = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&asOf={Iso(t)}&groupBy=Unit";
        var stats = await Statistics("vp.cv1", q);
        var res = await (await w.As("vp.cv1")).GetAsync($"/reports/export.xlsx?{q}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", res.Content.Headers.ContentType?.MediaType);
        var rows = SheetRows(await res.Content.ReadAsByteArrayAsync(), "Thống kê");
        Assert.Equal("Đơn vị chủ trì", rows[0][0]);
        Assert.Equal("Tổng cộng", rows[^1][0]);
        Assert.Equal(stats.GetProperty("total").GetProperty("total").GetInt32().ToString(), rows[^1][1]);
        Assert.Equal(stats.GetProperty("total").GetProperty("inProgressOverdue").GetInt32().ToString(), rows[^1][6]);
        Assert.Equal(stats.GetProperty("groups").GetArrayLength() + 2, rows.Count);
        var detail = SheetRows(await res.Content.ReadAsByteArrayAsync(), "Danh sách nhiệm vụ");
        Assert.Equal(stats.GetProperty("total").GetProperty("total").GetInt32() + 1, detail.Count);

        var docx = await (await w.As("chutich")).GetAsync($"/api/reports/monthly.docx?year={from.Year}&month={from.Month}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("ĐỒNG THÁP", text);
        // The per-unit table lists every unit of the figures (which ones depends on the day the tests run).
        foreach (var g in stats.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("inProgressOverdue").GetInt32() > 0)) Assert.Contains(g.GetProperty("label").GetString()!, text);
        var pageDocx = await (await w.As("vp.cv1")).GetAsync($"/reports/monthly.docx?year={from.Year}&month={from.Month}");
        Assert.Equal(HttpStatusCode.OK, pageDocx.StatusCode);

        // The assignment list's download has the list's rows (same filters).
        var list = await w.List("vp.cv1", "class=InProgressOverdue");
        var listXlsx = SheetRows(await (await w.As("vp.cv1")).GetByteArrayAsync("/assignments/export.xlsx?Class=InProgressOverdue"), "Nhiệm vụ");
        Assert.Equal(list.Count + 1, listXlsx.Count);
        Assert.Contains("/assignments/export.xlsx?Class=InProgressOverdue", await Page("vp.cv1", "/assignments?Class=InProgressOverdue"));
        // The ranking answers with every unit that had work in the year.
        var ranking = await (await (await w.As("vp.lanhdao")).GetAsync($"/api/reports/ranking?year={from.Year}")).Read<JsonElement>();
        Assert.True(ranking.GetArrayLength() > 5);
        Assert.Contains("Xếp hạng thi đua", await Page("vp.lanhdao", $"/reports/ranking?year={from.Year}"));
    }

    [Fact]
    public async Task Portal_and_feeds_never_show_secret_or_non_public_tasks()
    {
        var office = await w.As("vp.cv1");
        async Task<Guid> Enter(string content, string secrecy, bool isPublic)
        {
            var res = await office.PostJson("/api/documents", new
            {
                source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-TH", summary = "Văn bản kiểm thử cổng công khai",
                issueDate = w.Today, directingLeaderId = await w.Leader(), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy,
                tasks = new[] { new { content, leadUnitIds = new[] { await w.Unit("sotc") }, leadGroup = "None", cooperatingUnitIds = Array.Empty<Guid>(),
                    deadline = (DateOnly?)w.Today.AddDays(20), nature = "TrongTam", isPublic } },
            });
            return (await res.Read<DocumentViewDto>(HttpStatusCode.Created)).Tasks[0].Id;
        }
        await Enter("Nhiệm vụ công khai XCK-PUBLIC", "Thuong", true);
        await Enter("Nhiệm vụ mật XCK-SECRET", "Mat", true);
        await Enter("Nhiệm vụ nội bộ XCK-INTERNAL", "Thuong", false);
        var anon = app.Anonymous();
        foreach (var url in new[] { "/portal", "/portal/feed.json", "/portal/feed.rss" })
        {
            var res = await anon.GetAsync(url);
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {(int)res.StatusCode}");
            body = WebUtility.HtmlDecode(body);
            if (url.EndsWith(".json")) body = JsonDocument.Parse(body).RootElement.GetRawText() + string.Join("\n",
                JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            Assert.Contains("XCK-PUBLIC", body);
            Assert.DoesNotContain("XCK-SECRET", body);
            Assert.DoesNotContain("XCK-INTERNAL", body);
        }
        // Nothing of a secret document anywhere on the portal, including the demo's.
        var secretTexts = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await (from t in db.Tasks join d in db.Documents on t.DocumentId equals d.Id where d.Secrecy != Secrecy.Thuong || !t.IsPublic select t.Content)
                .ToListAsync();
        });
        var portal = WebUtility.HtmlDecode(await (await anon.GetAsync("/portal")).Content.ReadAsStringAsync());
        var rss = await (await anon.GetAsync("/portal/feed.rss")).Content.ReadAsStringAsync();
        var publicTexts = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await (from t in db.Tasks join d in db.Documents on t.DocumentId equals d.Id where d.Secrecy == Secrecy.Thuong && t.IsPublic select t.Content).ToListAsync();
        });
        foreach (var s in secretTexts.Where(s => !publicTexts.Contains(s)).Distinct())
        {
            Assert.DoesNotContain($"<h3>{s}</h3>", portal);
            Assert.DoesNotContain($"<title>{WebUtility.HtmlEncode(s)}</title>", rss);
        }
    }

    [Fact]
    public async Task Units_cannot_see_province_wide_reports_and_anonymous_only_the_portal()
    {
        var unit = await w.As("sotc.daumoi");
        foreach (var url in new[] { "/api/reports/statistics", "/api/reports/statistics.xlsx", "/api/reports/monthly.docx", "/api/reports/ranking" })
            Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync(url)).StatusCode);
        foreach (var url in new[] { "/reports", "/reports/rows?measure=Total", "/reports/ranking", "/dashboard", "/reports/export.xlsx", "/reports/monthly.docx" })
            Assert.NotEqual(HttpStatusCode.OK, (await unit.GetAsync(url)).StatusCode);
        var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/reports/statistics")).StatusCode);
        foreach (var url in new[] { "/reports", "/dashboard", "/reports/export.xlsx", "/assignments/export.xlsx" })
        {
            var res = await anon.GetAsync(url);
            Assert.True(res.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{url}: {(int)res.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/portal")).StatusCode);
        // Office and leaders do see them; a unit's own list download holds only what it may see.
        Assert.Equal(HttpStatusCode.OK, (await (await w.As("vp.cv1")).GetAsync("/api/reports/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await w.As("pct.kinhte")).GetAsync("/dashboard")).StatusCode);
        var mine = SheetRows(await unit.GetByteArrayAsync("/assignments/export.xlsx"), "Nhiệm vụ");
        Assert.Equal((await w.List("sotc.daumoi", "")).Count + 1, mine.Count);
    }
}

public sealed class ReportsHttpTests_Sqlite(SqliteApp app) : ReportsHttpTests<SqliteApp>(app);
public sealed class ReportsHttpTests_Postgres(PostgresApp app) : ReportsHttpTests<PostgresApp>(app);
