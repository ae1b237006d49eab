using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Calendar;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.TimeRules;

/// <summary>
/// Entry timeliness (seed 002 art. 6.3b / 7.5, seed 004) and review timeliness (seed 002 art. 6.4) through HTTP:
/// each rule setting, the per-specialist table against a recount from the stored rows, a specialist's reviews,
/// and units seeing only their own figures.
/// </summary>
public abstract class TimelinessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly TimeSpan Ict = TimeSpan.FromHours(7);
    private static DateOnly Local(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(Ict).DateTime);
    private DateOnly Today => Local(app.Clock.GetUtcNow());

    public sealed record Specialist(Guid UserId, string Name, int DocumentsEntered, int DocumentsInTime, int DocumentsLate, decimal? DocumentRate,
        int ReviewsDone, int ReviewsInTime, int ReviewsLate, decimal? ReviewRate, int WaitingPastDeadline);
    public sealed record UnitFigures(Guid UnitId, string Name, int ReportsEntered, int ReportsInTime, int ReportsLate, decimal? Rate);
    public sealed record TimelinessDto(DateOnly From, DateOnly To, DateTimeOffset AsOfUtc, string CurrentRule, bool ProvinceWide,
        List<Specialist> Specialists, Specialist SpecialistTotal, List<UnitFigures> Units, UnitFigures UnitTotal);
    public sealed record ItemDto(string Kind, Guid Id, Guid? AssignmentId, Guid? DocumentId, string Title, string Who, DateOnly Since,
        DateTimeOffset? DoneAtUtc, DateOnly Deadline, bool? InTime, int LateWorkingDays, string Rule);

    /// <summary>Moves the clock forward to the next Wednesday at <paramref name="hour"/> local time whose week (Thursday
    /// before to Wednesday) has no day off, so the scenario's dates are plain working days.</summary>
    private DateOnly AdvanceToPlainWednesday(int hour, int minute = 0)
    {
        var cal = WorkingCalendar.Default;
        var d = Today.AddDays(1);
        while (d.DayOfWeek != DayOfWeek.Wednesday
               || !new[] { d.AddDays(-6), d.AddDays(-5), d.AddDays(-2), d.AddDays(-1), d, d.AddDays(1), d.AddDays(2) }.All(cal.IsWorkingDay))
            d = d.AddDays(1);
        app.Clock.SetUtcNow(new DateTimeOffset(d.ToDateTime(new TimeOnly(hour, minute)), Ict));
        return d;
    }

    private void AdvanceTo(DateOnly day, int hour, int minute = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Ict));

    /// <summary>A fresh bearer client (the clock moves by days here, past any cached token's life).</summary>
    private static async Task<HttpClient> Client(WebApplicationFactory<Program> f, string user)
    {
        var c = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var res = await c.PostAsJsonAsync("/api/auth/token", new { userName = user, password = AppFixture.DemoPassword });
        var token = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    private Task<HttpClient> Client(string user) => Client(app.Factory, user);

    private async Task<(Guid Leader, Dictionary<string, Guid> Units, Dictionary<string, Guid> Users)> Lookups()
    {
        var admin = await Client("admin");
        var units = (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).ToDictionary(u => u.Code, u => u.Id);
        var users = await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .ToDictionaryAsync(u => u.UserName!, u => u.Id));
        var leaders = await (await (await Client("vp.cv1")).GetAsync("/api/documents/leaders")).Read<List<PersonDto>>();
        return (leaders.First(l => l.FullName.Contains("Nguyễn Văn Chính")).Id, units, users);
    }

    private static async Task<DocumentViewDto> EnterDocument(HttpClient office, Guid leader, Guid unit, DateOnly issueDate, string urgency = "Thuong",
        string? issueTime = null)
    {
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(10000, 99999)}/UBND-TL",
            summary = $"Văn bản kiểm tra nhập đúng hạn {Guid.NewGuid():N}", issueDate, issueTime, directingLeaderId = leader, signerName = "Nguyễn Văn Chính",
            urgency, secrecy = "Thuong", confirmDuplicate = true,
            tasks = new[]
            {
                new
                {
                    content = $"Nhiệm vụ kiểm tra thời hạn nhập {Guid.NewGuid():N}", leadUnitIds = new[] { unit }, leadGroup = "None",
                    cooperatingUnitIds = Array.Empty<Guid>(), deadline = issueDate.AddDays(40), nature = "TrongTam",
                },
            },
        });
        return await res.Read<DocumentViewDto>(HttpStatusCode.Created);
    }

    private static async Task<ItemDto> DocumentItem(HttpClient office, Guid documentId, DateOnly today)
    {
        var items = await (await office.GetAsync($"/api/reports/timeliness/items?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&kind=Documents"))
            .Read<List<ItemDto>>();
        return Assert.Single(items, i => i.DocumentId == documentId);
    }

    // ------------------------------------------------------------------ (a) each rule setting

    public static TheoryData<string> Rules => new() { "SameDayCutoff", "WorkingDays", "ByUrgency" };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_document_entered_after_the_cut_off_on_the_last_allowed_working_day_is_in_time_and_one_day_later_is_late(string rule)
    {
        var (leader, units, _) = await Lookups();
        // Entered on a Wednesday at 16:30, after the 15:00 cut-off.
        var wednesday = AdvanceToPlainWednesday(16, 30);
        var settings = new Dictionary<string, string> { ["Timeliness:EntryRule"] = rule, ["Timeliness:WorkingDays"] = "3" };
        if (rule == "ByUrgency") settings["Timeliness:UrgencyDays:Thuong"] = "2";
        // The last issue date still in time on Wednesday, and the day before it (then late by one working day):
        // same day (only the date known): issued Tuesday → may be entered Wednesday; Monday → due Tuesday.
        // 3 working days: issued the Friday before → Mon, Tue, Wed; the Thursday before → due Tuesday.
        // by urgency with ordinary = 2: issued Monday → Tue, Wed; the Friday before → due Tuesday.
        var (inTime, late) = rule switch
        {
            "WorkingDays" => (wednesday.AddDays(-5), wednesday.AddDays(-6)),
            "ByUrgency" => (wednesday.AddDays(-2), wednesday.AddDays(-5)),
            _ => (wednesday.AddDays(-1), wednesday.AddDays(-2)),
        };
        await using var instance = app.CreateFactory(app.ConnectionString, settings);
        var office = await Client(instance, "vp.cv2");

        var ok = await EnterDocument(office, leader, units["sotc"], inTime);
        var tooLate = await EnterDocument(office, leader, units["sotc"], late);
        var okItem = await DocumentItem(office, ok.Document.Id, wednesday);
        var lateItem = await DocumentItem(office, tooLate.Document.Id, wednesday);

        Assert.True(okItem.InTime, $"{rule}: issued {inTime}, entered {wednesday} 16:30 should be in time (deadline {okItem.Deadline})");
        Assert.Equal(wednesday, okItem.Deadline);
        Assert.False(lateItem.InTime, $"{rule}: issued {late}, entered {wednesday} should be late (deadline {lateItem.Deadline})");
        Assert.Equal(wednesday.AddDays(-1), lateItem.Deadline);
        Assert.Equal(1, lateItem.LateWorkingDays);
        Assert.StartsWith(rule, okItem.Rule);

        // Hỏa tốc under the urgency rule is due the same day (only the date known: the next working day).
        if (rule == "ByUrgency")
        {
            var hoaToc = await EnterDocument(office, leader, units["sotc"], wednesday.AddDays(-2), "HoaToc");
            var item = await DocumentItem(office, hoaToc.Document.Id, wednesday);
            Assert.False(item.InTime);
            Assert.Equal(wednesday.AddDays(-1), item.Deadline);
        }

        // The outcome stays as recorded when the setting changes: the default instance (same day) reads the same row.
        var again = await DocumentItem(await Client("vp.cv2"), ok.Document.Id, wednesday);
        Assert.Equal(okItem.InTime, again.InTime);
        Assert.Equal(okItem.Deadline, again.Deadline);

        // The assignment page says it in words.
        var assignment = ok.Tasks[0].Assignments[0].Id;
        var page = await (await Client("vp.cv2")).GetStringAsync($"/assignments/{assignment}");
        Assert.Contains("Nhập đúng hạn", page);
        var latePage = await (await Client("vp.cv2")).GetStringAsync($"/assignments/{tooLate.Tasks[0].Assignments[0].Id}");
        Assert.Contains("Nhập muộn 1 ngày làm việc", latePage);
    }

    [Fact]
    public async Task Document_issued_before_15h_must_be_entered_the_same_day_and_after_15h_the_next_working_day()
    {
        var (leader, units, _) = await Lookups();
        // Thursday 09:00: yesterday's documents, one issued at 14:30 (due yesterday), one at 15:30 (may wait until today).
        var wednesday = AdvanceToPlainWednesday(8);
        AdvanceTo(wednesday.AddDays(1), 9);
        var office = await Client("vp.cv2");
        var before = await EnterDocument(office, leader, units["sotc"], wednesday, issueTime: "14:30:00");
        var after = await EnterDocument(office, leader, units["sotc"], wednesday, issueTime: "15:30:00");
        var dateOnly = await EnterDocument(office, leader, units["sotc"], wednesday);

        var beforeItem = await DocumentItem(office, before.Document.Id, wednesday.AddDays(1));
        Assert.False(beforeItem.InTime);
        Assert.Equal(wednesday, beforeItem.Deadline);
        Assert.Equal(1, beforeItem.LateWorkingDays);
        var afterItem = await DocumentItem(office, after.Document.Id, wednesday.AddDays(1));
        Assert.True(afterItem.InTime);
        Assert.Equal(wednesday.AddDays(1), afterItem.Deadline);
        // Without the hour the entry is given the benefit of the doubt (the next working day).
        Assert.True((await DocumentItem(office, dateOnly.Document.Id, wednesday.AddDays(1))).InTime);

        // An issue time later than the moment of entry is refused, nothing stored.
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = "1/UBND-GIO", summary = "Giờ ban hành sau thời điểm nhập",
            issueDate = wednesday.AddDays(1), issueTime = "10:00:00", directingLeaderId = leader, signerName = "Nguyễn Văn Chính",
            urgency = "Thuong", secrecy = "Thuong", confirmDuplicate = true,
            tasks = new[] { new { content = "Nhiệm vụ giờ ban hành", leadUnitIds = new[] { units["sotc"] }, leadGroup = "None",
                cooperatingUnitIds = Array.Empty<Guid>(), deadline = wednesday.AddDays(40), nature = "TrongTam" } },
        });
        var problem = await res.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("Giờ ban hành không được sau", problem.GetProperty("errors").GetProperty("IssueTime")[0].GetString());
        Assert.False(await app.InScope(sp => sp.GetRequiredService<AppDbContext>().Documents.AnyAsync(d => d.NumberAndSymbol == "1/UBND-GIO")));
    }

    // ------------------------------------------------------------------ (b) the table against a recount of the stored rows

    [Fact]
    public async Task The_per_specialist_table_equals_a_recount_of_the_stored_rows()
    {
        var today = Today;
        var from = today.AddDays(-160);
        var office = await Client("vp.lanhdao");
        var dto = await (await office.GetAsync($"/api/reports/timeliness?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Read<TimelinessDto>();
        var asOf = dto.AsOfUtc;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Ict);

        var (docs, reports, responsible) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var d = await db.DocumentEntryRecords.AsNoTracking().ToListAsync();
            var r = await db.ReportTimelinessRecords.AsNoTracking().ToListAsync();
            var resp = await (from a in db.Assignments join t in db.Tasks on a.TaskId equals t.Id join doc in db.Documents on t.DocumentId equals doc.Id
                              select new { a.Id, Who = t.FollowUpSpecialistId ?? doc.EnteredByUserId }).ToDictionaryAsync(x => x.Id, x => x.Who);
            return (d, r, resp);
        });
        Assert.NotEmpty(docs);

        // The demo data must give a realistic mix, or the page would be empty.
        var demoDocs = docs.Where(d => d.EnteredAtUtc >= start && d.EnteredAtUtc <= asOf).ToList();
        Assert.Contains(demoDocs, d => d.InTime);
        Assert.Contains(demoDocs, d => !d.InTime);
        Assert.True(demoDocs.Count(d => d.InTime) > demoDocs.Count / 2, "most documents are entered in time");
        Assert.Contains(reports, r => r.ReviewInTime == false);
        Assert.Contains(reports, r => !r.EntryInTime);

        var users = docs.Select(d => d.EnteredByUserId)
            .Concat(reports.Where(r => r.ReviewedByUserId != null).Select(r => r.ReviewedByUserId!.Value)).Distinct();
        foreach (var u in users)
        {
            var mine = docs.Where(d => d.EnteredByUserId == u && d.EnteredAtUtc >= start && d.EnteredAtUtc <= asOf).ToList();
            var reviewed = reports.Where(r => r.ReviewedByUserId == u && r.ReviewedAtUtc >= start && r.ReviewedAtUtc <= asOf).ToList();
            var waiting = reports.Count(r => responsible[r.AssignmentId] == u && r.ReceivedAtUtc <= asOf
                                             && (r.ReviewedAtUtc == null || r.ReviewedAtUtc > asOf) && (r.WithdrawnAtUtc == null || r.WithdrawnAtUtc > asOf)
                                             && r.ReviewDeadline < Local(asOf));
            var row = dto.Specialists.SingleOrDefault(s => s.UserId == u);
            if (mine.Count == 0 && reviewed.Count == 0 && waiting == 0) { Assert.Null(row); continue; }
            Assert.NotNull(row);
            Assert.Equal(mine.Count, row.DocumentsEntered);
            Assert.Equal(mine.Count(d => d.InTime), row.DocumentsInTime);
            Assert.Equal(mine.Count(d => !d.InTime), row.DocumentsLate);
            Assert.Equal(reviewed.Count, row.ReviewsDone);
            Assert.Equal(reviewed.Count(r => r.ReviewInTime == true), row.ReviewsInTime);
            Assert.Equal(reviewed.Count(r => r.ReviewInTime == false), row.ReviewsLate);
            Assert.Equal(waiting, row.WaitingPastDeadline);
            if (mine.Count > 0) Assert.Equal(Math.Round((decimal)mine.Count(d => d.InTime) / mine.Count, 6), Math.Round(row.DocumentRate!.Value, 6));
        }
        Assert.Equal(dto.Specialists.Sum(s => s.DocumentsEntered), dto.SpecialistTotal.DocumentsEntered);

        // Per unit: the result reports entered in the period.
        var inPeriod = reports.Where(r => r.EnteredAtUtc >= start && r.EnteredAtUtc <= asOf).ToList();
        foreach (var g in inPeriod.GroupBy(r => r.UnitId))
        {
            var row = Assert.Single(dto.Units, x => x.UnitId == g.Key);
            Assert.Equal(g.Count(), row.ReportsEntered);
            Assert.Equal(g.Count(r => r.EntryInTime), row.ReportsInTime);
        }
        Assert.Equal(inPeriod.Count, dto.UnitTotal.ReportsEntered);

        // The stored outcomes follow the default rule (same day, only the date known → the next working day;
        // documents entered with their hour are checked in the test of the 15:00 cut-off).
        var cal = WorkingCalendar.Default;
        var withHour = await app.InScope(async sp => (await sp.GetRequiredService<AppDbContext>().Documents.AsNoTracking()
            .Where(d => d.IssueTime != null).Select(d => d.Id).ToListAsync()).ToHashSet());
        foreach (var d in docs.Where(d => d.Rule.StartsWith("SameDayCutoff") && !withHour.Contains(d.DocumentId)))
        {
            var deadline = cal.AddWorkingDays(d.IssueDate, 1);
            Assert.Equal(deadline, d.EntryDeadline);
            Assert.Equal(Local(d.EnteredAtUtc) <= deadline, d.InTime);
        }
        // Review deadline: the day of arrival before 15:00 on a working day, else the next working day.
        foreach (var r in reports)
        {
            var arrived = r.ReceivedAtUtc.ToOffset(Ict);
            var day = DateOnly.FromDateTime(arrived.DateTime);
            var expected = cal.IsWorkingDay(day) && arrived.Hour < 15 ? day : cal.AddWorkingDays(day, 1);
            Assert.Equal(expected, r.ReviewDeadline);
            if (r.ReviewedAtUtc is { } at) Assert.Equal(Local(at) <= expected, r.ReviewInTime);
        }

        // Every figure's list has as many rows as the figure.
        var someone = dto.Specialists.First(s => s.DocumentsLate > 0);
        var lateList = await (await office.GetAsync(
                $"/api/reports/timeliness/items?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}&kind=Documents&key={someone.UserId}&outcome=Late"))
            .Read<List<ItemDto>>();
        Assert.Equal(someone.DocumentsLate, lateList.Count);
        Assert.All(lateList, i => Assert.False(i.InTime));
        var page = await office.GetStringAsync($"/reports/timeliness?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Contains($"kind=Documents&amp;key={someone.UserId}&amp;outcome=Late", page);
        var listPage = await office.GetStringAsync($"/reports/timeliness/list?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}&kind=Documents&key={someone.UserId}&outcome=Late");
        Assert.Contains($"<span data-count>{someone.DocumentsLate}</span>", listPage);

        // The Excel download opens and carries the per-specialist sheet.
        var xlsx = await office.GetAsync($"/reports/timeliness.xlsx?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Contains("Theo chuyên viên", sheets);
        Assert.Contains("Theo đơn vị", sheets);
    }

    // ------------------------------------------------------------------ (c) a specialist's review timeliness

    [Fact]
    public async Task A_specialists_reviews_are_in_time_the_next_working_day_after_15h_and_late_after()
    {
        var (leader, units, users) = await Lookups();
        var wednesday = AdvanceToPlainWednesday(9);
        var office = await Client("vp.cv1");
        var first = await EnterDocument(office, leader, units["soct"], wednesday);
        var second = await EnterDocument(office, leader, units["soct"], wednesday);
        var third = await EnterDocument(office, leader, units["soct"], wednesday);
        var a1 = first.Tasks[0].Assignments[0].Id;
        var a2 = second.Tasks[0].Assignments[0].Id;
        var a3 = third.Tasks[0].Assignments[0].Id;
        var q = $"from={wednesday.AddDays(-1):yyyy-MM-dd}&to={wednesday.AddDays(2):yyyy-MM-dd}";
        async Task<Specialist?> Cv3() =>
            (await (await (await Client("vp.lanhdao")).GetAsync($"/api/reports/timeliness?{q}")).Read<TimelinessDto>())
            .Specialists.SingleOrDefault(s => s.UserId == users["vp.cv3"]);
        var before = await Cv3();

        async Task Submit(Guid id)
        {
            var unit = await Client("soct.daumoi");
            var stamp = (await (await (await Client("vp.cv1")).GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
            var res = await unit.PostJson($"/api/assignments/{id}/reports", new
            {
                name = "Báo cáo kết quả", numberAndSymbol = "9/BC-SCT", summary = "Kết quả", documentDate = Local(app.Clock.GetUtcNow()),
                signerName = "Giám đốc Sở", idempotencyKey = Guid.NewGuid().ToString("N"), concurrencyStamp = stamp,
            });
            Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
        }
        async Task Review(Guid id)
        {
            var cv3 = await Client("vp.cv3");
            var stamp = (await (await cv3.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
            var res = await cv3.PostJson($"/api/assignments/{id}/review", new { passed = true, concurrencyStamp = stamp });
            Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
        }

        AdvanceTo(wednesday, 10);
        await Submit(a1);              // 10:00 → due Wednesday
        AdvanceTo(wednesday, 16);
        await Submit(a2);              // 16:00, after the cut-off → due Thursday
        await Submit(a3);              // 16:00 → due Thursday, never reviewed
        AdvanceTo(wednesday.AddDays(1), 9, 30);
        await Review(a1);              // Thursday: one working day late
        await Review(a2);              // Thursday: in time
        AdvanceTo(wednesday.AddDays(2), 8);

        var after = await Cv3();
        Assert.NotNull(after);
        Assert.Equal((before?.ReviewsDone ?? 0) + 2, after.ReviewsDone);
        Assert.Equal((before?.ReviewsInTime ?? 0) + 1, after.ReviewsInTime);
        Assert.Equal((before?.ReviewsLate ?? 0) + 1, after.ReviewsLate);

        var lead = await Client("vp.lanhdao");
        var reviews = await (await lead.GetAsync($"/api/reports/timeliness/items?{q}&kind=Reviews&key={users["vp.cv3"]}")).Read<List<ItemDto>>();
        var r1 = Assert.Single(reviews, r => r.AssignmentId == a1);
        Assert.False(r1.InTime);
        Assert.Equal(wednesday, r1.Deadline);
        Assert.Equal(1, r1.LateWorkingDays);
        var r2 = Assert.Single(reviews, r => r.AssignmentId == a2);
        Assert.True(r2.InTime);
        Assert.Equal(wednesday.AddDays(1), r2.Deadline);

        // Still awaiting review on Friday, past its Thursday deadline: counted against the specialist who
        // follows the task (here the one who entered the document).
        var waiting = await (await lead.GetAsync($"/api/reports/timeliness/items?{q}&kind=Waiting&key={users["vp.cv1"]}")).Read<List<ItemDto>>();
        var w3 = Assert.Single(waiting, r => r.AssignmentId == a3);
        Assert.Equal(wednesday.AddDays(1), w3.Deadline);
        Assert.Null(w3.DoneAtUtc);

        // The work queue marks it late by the same rule.
        var queue = await (await (await Client("vp.cv1")).GetAsync("/api/assignments/queue")).Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(queue);
        var item = doc.RootElement.GetProperty("reports").EnumerateArray().Single(e => e.GetProperty("assignmentId").GetGuid() == a3);
        Assert.True(item.GetProperty("late").GetBoolean());

        // The assignment page shows the review outcome; the API gives the stored columns, to those who may see the assignment.
        var page = await (await Client("vp.cv1")).GetStringAsync($"/assignments/{a1}");
        Assert.Contains("Xác nhận muộn 1 ngày làm việc", page);
        var detail = await (await (await Client("soct.lanhdao")).GetAsync($"/api/reports/timeliness/assignments/{a1}")).Read<JsonElement>();
        var stored = detail.GetProperty("reports").EnumerateObject().Single().Value;
        Assert.False(stored.GetProperty("reviewInTime").GetBoolean());
        Assert.Equal(users["vp.cv3"], stored.GetProperty("reviewedByUserId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await (await Client("soyt.daumoi")).GetAsync($"/api/reports/timeliness/assignments/{a1}")).StatusCode);
    }

    // ------------------------------------------------------------------ the /reports column keeps the as-of rule

    [Fact]
    public async Task The_entry_timeliness_column_of_reports_for_T_ignores_reports_entered_after_T()
    {
        var (leader, units, _) = await Lookups();
        var wednesday = AdvanceToPlainWednesday(9);
        var doc = await EnterDocument(await Client("vp.cv1"), leader, units["sotp"], wednesday);
        var id = doc.Tasks[0].Assignments[0].Id;
        var t = app.Clock.GetUtcNow();
        var period = $"from={wednesday:yyyy-MM-dd}&to={wednesday.AddDays(60):yyyy-MM-dd}";
        var iso = Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));
        async Task<JsonElement> UnitRow(string asOf)
        {
            var stats = await (await (await Client("vp.lanhdao")).GetAsync($"/api/reports/statistics?{period}&asOf={asOf}&groupBy=Unit")).Read<JsonElement>();
            return stats.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == units["sotp"].ToString("D"));
        }
        var before = await UnitRow(iso);

        // The unit reports two working days after its report document's date: entered late.
        AdvanceTo(wednesday.AddDays(2), 10);
        var stamp = (await (await (await Client("vp.cv1")).GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        var res = await (await Client("sotp.daumoi")).PostJson($"/api/assignments/{id}/reports", new
        {
            name = "Báo cáo kết quả", numberAndSymbol = "3/BC-STP", summary = "Kết quả", documentDate = wednesday,
            signerName = "Giám đốc Sở", idempotencyKey = Guid.NewGuid().ToString("N"), concurrencyStamp = stamp,
        });
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());

        var againAtT = await UnitRow(iso);
        Assert.Equal(before.GetProperty("reportsEntered").GetInt32(), againAtT.GetProperty("reportsEntered").GetInt32());
        Assert.Equal(before.GetProperty("reportsEnteredInTime").GetInt32(), againAtT.GetProperty("reportsEnteredInTime").GetInt32());
        var now = await UnitRow(Uri.EscapeDataString(app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ")));
        Assert.Equal(before.GetProperty("reportsEntered").GetInt32() + 1, now.GetProperty("reportsEntered").GetInt32());
        Assert.Equal(before.GetProperty("reportsEnteredInTime").GetInt32(), now.GetProperty("reportsEnteredInTime").GetInt32());
    }

    // ------------------------------------------------------------------ (d) units see only their own figures

    [Fact]
    public async Task Units_see_only_their_own_figures()
    {
        var (_, units, _) = await Lookups();
        var today = Today;
        var q = $"from={today.AddDays(-160):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var unit = await Client("sotc.daumoi");
        var mine = await (await unit.GetAsync($"/api/reports/timeliness?{q}")).Read<TimelinessDto>();
        Assert.False(mine.ProvinceWide);
        Assert.Empty(mine.Specialists);
        var row = Assert.Single(mine.Units);
        Assert.Equal(units["sotc"], row.UnitId);

        var own = await (await unit.GetAsync($"/api/reports/timeliness/items?{q}&kind=Reports")).Read<List<ItemDto>>();
        Assert.Equal(row.ReportsEntered, own.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/reports/timeliness/items?{q}&kind=Reports&key={units["soyt"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/reports/timeliness/items?{q}&kind=Documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Client("admin")).GetAsync($"/api/reports/timeliness?{q}")).StatusCode);

        // The page: the unit's own row only, no specialist table, no other unit's name.
        var everyone = await (await (await Client("vp.lanhdao")).GetAsync($"/api/reports/timeliness?{q}")).Read<TimelinessDto>();
        var other = everyone.Units.First(u => u.UnitId != units["sotc"]);
        var page = await unit.GetStringAsync($"/reports/timeliness?{q}");
        Assert.Contains(row.Name, page);
        Assert.DoesNotContain(other.Name, page);
        Assert.DoesNotContain("by-specialist", page);
    }
}

public sealed class TimelinessTests_Sqlite(SqliteApp app) : TimelinessTests<SqliteApp>(app);
public sealed class TimelinessTests_Postgres(PostgresApp app) : TimelinessTests<PostgresApp>(app);
