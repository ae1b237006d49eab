using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.TimeRules;

/// <summary>
/// Stale progress in the lists (Notifications:StaleProgressDays, default 7) and deadlines entered
/// as "N working days from issue" (API and the form without JavaScript). The clock only moves forward.
/// </summary>
public abstract class StaleProgressAndWorkingDaysTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private DateOnly Today => ProvinceTime.Today(app.Clock);
    private IWorkingCalendar Calendar => app.Service<IWorkingCalendar>();

    private Task<Guid> UnitId(string code) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync());

    private async Task<HttpResponseMessage> PostDocument(string unit, string content, object deadlineFields, DateOnly? issueDate = null)
    {
        var office = await app.ClientFor("vp.cv1");
        var leader = (await (await office.GetAsync("/api/documents/leaders")).Read<List<PersonDto>>()).First().Id;
        var task = new Dictionary<string, object?>
        {
            ["content"] = content, ["leadUnitIds"] = new[] { await UnitId(unit) }, ["leadGroup"] = "None",
            ["cooperatingUnitIds"] = Array.Empty<Guid>(), ["nature"] = "TrongTam",
        };
        foreach (var p in deadlineFields.GetType().GetProperties()) task[p.Name] = p.GetValue(deadlineFields);
        return await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-VX", summary = "Văn bản " + content,
            issueDate = issueDate ?? Today, directingLeaderId = leader, signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            confirmDuplicate = true, tasks = new[] { task },
        });
    }

    private static async Task<Paged<TimeRowDto>> List(HttpClient c, string query) =>
        await (await c.GetAsync("/api/assignments?" + query)).Read<Paged<TimeRowDto>>();

    [Fact]
    public async Task An_assignment_without_progress_for_seven_days_is_flagged_in_the_lists_and_the_filter_until_progress_is_posted()
    {
        var content = $"Theo dõi tiến độ {Guid.NewGuid():N}"[..36];
        var doc = await (await PostDocument("sovhttdl", content, new { deadline = Calendar.AddWorkingDays(Today, 40) })).Read<DocumentViewDto>(HttpStatusCode.Created);
        var id = doc.Tasks[0].Assignments[0].Id;
        var focal = await app.ClientFor("sovhttdl.daumoi");
        var stamp = (await (await focal.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        Assert.Equal(HttpStatusCode.OK, (await focal.PostJson($"/api/assignments/{id}/progress",
            new { text = "Đã xây dựng kế hoạch", percent = 10, concurrencyStamp = stamp })).StatusCode);
        var posted = app.Clock.GetUtcNow();

        // Six days later: not yet.
        app.Clock.Advance(TimeSpan.FromDays(6));
        focal = await app.ClientFor("sovhttdl.daumoi");
        var row = (await List(focal, "mine=true&pageSize=200")).Items.Single(r => r.Id == id);
        Assert.False(row.Stale);
        Assert.Null(row.DaysWithoutProgress);
        Assert.DoesNotContain(id, (await List(focal, "mine=true&flag=Stale&pageSize=200")).Items.Select(r => r.Id));

        // Eight days after the note: flagged, in the filter and the inbox count; the office's list too.
        app.Clock.Advance(TimeSpan.FromDays(2));
        focal = await app.ClientFor("sovhttdl.daumoi");
        row = (await List(focal, "mine=true&pageSize=200")).Items.Single(r => r.Id == id);
        Assert.True(row.Stale);
        Assert.Equal(8, row.DaysWithoutProgress);
        Assert.True(Math.Abs((posted - row.LastProgressAtUtc!.Value).TotalSeconds) < 1);
        var stale = await List(focal, "mine=true&flag=Stale&pageSize=200");
        Assert.Contains(id, stale.Items.Select(r => r.Id));
        Assert.All(stale.Items, r => Assert.True(r.Stale));
        var inbox = await (await focal.GetAsync("/api/assignments/inbox")).Read<System.Text.Json.JsonElement>();
        Assert.Equal(stale.Total, inbox.GetProperty("stale").GetInt32());
        var office = await app.ClientFor("vp.cv1");
        Assert.Contains(id, (await List(office, $"flag=Stale&unitId={await UnitId("sovhttdl")}&pageSize=200")).Items.Select(r => r.Id));

        // The page shows words, not only a colour.
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("sovhttdl.daumoi");
        var html = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/assignments?Mine=true&Flag=Stale"));
        Assert.Contains("Chưa cập nhật tiến độ 8 ngày", html);
        Assert.Contains(content, html);

        // A progress note clears it.
        stamp = (await (await focal.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        Assert.Equal(HttpStatusCode.OK, (await focal.PostJson($"/api/assignments/{id}/progress",
            new { text = "Đang tổ chức thực hiện", percent = 40, concurrencyStamp = stamp })).StatusCode);
        Assert.False((await List(focal, "mine=true&pageSize=200")).Items.Single(r => r.Id == id).Stale);
        Assert.DoesNotContain(id, (await List(focal, "mine=true&flag=Stale&pageSize=200")).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task An_assignment_awaiting_review_is_never_stale()
    {
        var doc = await (await PostDocument("sogddt", $"Chờ xác nhận {Guid.NewGuid():N}"[..30], new { deadline = Calendar.AddWorkingDays(Today, 40) }))
            .Read<DocumentViewDto>(HttpStatusCode.Created);
        var id = doc.Tasks[0].Assignments[0].Id;
        var focal = await app.ClientFor("sogddt.daumoi");
        var stamp = (await (await focal.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        Assert.Equal(HttpStatusCode.OK, (await focal.PostJson($"/api/assignments/{id}/reports", new
        {
            name = "Báo cáo kết quả", numberAndSymbol = "5/BC-SGDĐT", summary = "Đã hoàn thành", documentDate = Today, signerName = "Giám đốc",
            idempotencyKey = Guid.NewGuid().ToString(), concurrencyStamp = stamp,
        })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(20));
        focal = await app.ClientFor("sogddt.daumoi");
        Assert.False((await List(focal, "mine=true&pageSize=200")).Items.Single(r => r.Id == id).Stale);
        Assert.DoesNotContain(id, (await List(focal, "mine=true&flag=Stale&pageSize=200")).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_deadline_given_as_working_days_from_issue_is_computed_stored_and_shown_and_both_forms_at_once_are_refused()
    {
        var issued = Calendar.AddWorkingDays(Today, -3);
        var expected = Calendar.AddWorkingDays(issued, 10);
        var doc = await (await PostDocument("sonnmt", $"Mười ngày làm việc {Guid.NewGuid():N}"[..36], new { deadlineWorkingDays = 10 }, issued))
            .Read<DocumentViewDto>(HttpStatusCode.Created);
        var row = doc.Tasks[0].Assignments[0];
        Assert.Equal(expected, row.Deadline);
        // The issue day is not counted: one working day from issue is the next working day.
        var one = await (await PostDocument("sonnmt", $"Một ngày làm việc {Guid.NewGuid():N}"[..36], new { deadlineWorkingDays = 1 }, issued))
            .Read<DocumentViewDto>(HttpStatusCode.Created);
        Assert.True(one.Tasks[0].Assignments[0].Deadline > issued);
        Assert.Equal(1, Calendar.CountWorkingDays(issued, one.Tasks[0].Assignments[0].Deadline!.Value));

        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("sonnmt.daumoi");
        var html = WebUtility.HtmlDecode(await browser.Client.GetStringAsync($"/assignments/{row.Id}"));
        Assert.Contains($"10 ngày làm việc kể từ ngày ban hành (đến {expected:dd/MM/yyyy})", html);

        var both = await PostDocument("sonnmt", "Cả hai cách", new { deadline = expected, deadlineWorkingDays = 10 });
        var problem = await both.Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Tasks[0].DeadlineWorkingDays", out _));
        var zero = await PostDocument("sonnmt", "Không ngày nào", new { deadlineWorkingDays = 0 });
        Assert.True((await zero.Problem(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Tasks[0].DeadlineWorkingDays", out _));
    }

    [Fact]
    public async Task The_form_computes_the_working_day_deadline_on_the_server_and_shows_it_back_without_saving()
    {
        var issued = Calendar.AddWorkingDays(Today, -2);
        var expected = Calendar.AddWorkingDays(issued, 15);
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("vp.cv1");
        var leader = (await (await (await app.ClientFor("vp.cv1")).GetAsync("/api/documents/leaders")).Read<List<PersonDto>>()).First().Id;
        var summary = $"Tính thử thời hạn {Guid.NewGuid():N}"[..36];
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "CongVan", ["NumberAndSymbol"] = "15/UBND-TH", ["Summary"] = summary, ["IssueDate"] = issued.ToString("yyyy-MM-dd"),
            ["DirectingLeaderId"] = leader.ToString(), ["SignerName"] = "Nguyễn Văn Chính",
            ["Tasks[0].Content"] = "Rà soát hồ sơ", ["Tasks[0].LeadUnitIds"] = (await UnitId("sotp")).ToString(), ["Tasks[0].LeadGroup"] = "None",
            ["Tasks[0].DeadlineWorkingDays"] = "15", ["Tasks[0].Nature"] = "TrongTam", ["Compute"] = "true",
        };
        var res = await browser.PostFormAsync("/documents/new", fields);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains($"Thời hạn tính được: {expected:dd/MM/yyyy}", html);
        Assert.Contains("value=\"15\"", html);
        Assert.False(await app.InScope(sp => sp.GetRequiredService<AppDbContext>().Documents.AnyAsync(d => d.Summary == summary)));

        fields.Remove("Compute");
        var saved = await browser.PostFormAsync("/documents/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var deadline = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await (from d in db.Documents where d.Summary == summary
                          join t in db.Tasks on d.Id equals t.DocumentId
                          select new { t.Deadline, t.DeadlineWorkingDays }).SingleAsync();
        });
        Assert.Equal(expected, deadline.Deadline);
        Assert.Equal(15, deadline.DeadlineWorkingDays);
    }
}

public sealed class StaleProgressAndWorkingDaysTests_Sqlite(SqliteApp app) : StaleProgressAndWorkingDaysTests<SqliteApp>(app);
public sealed class StaleProgressAndWorkingDaysTests_Postgres(PostgresApp app) : StaleProgressAndWorkingDaysTests<PostgresApp>(app);
