using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Time;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Notifications;

namespace NhiemVu.Web.Tests.TimeRules;

/// <summary>What these tests read of a list row: the period and the stale flag (issue 4).</summary>
public sealed record TimeRowDto(Guid Id, Guid TaskId, Guid LeadUnitId, string LeadUnitName, string State, DateOnly? Deadline, DateOnly? Period,
    string? PeriodLabel, bool Stale, int? DaysWithoutProgress, DateTimeOffset? LastProgressAtUtc, Guid ConcurrencyStamp);

/// <summary>
/// Recurring tasks yield their next assignment on schedule: the job, run by two app instances on
/// one database, gives each period out once; the new assignment is in the unit's inbox with its
/// period, its Assigned event and the "new assignment" notification. The clock only moves forward;
/// each test uses its own units and computes its dates from the current clock.
/// </summary>
public abstract class RecurringTaskTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    private DateOnly Today => ProvinceTime.Today(app.Clock);
    private IWorkingCalendar Calendar => app.Service<IWorkingCalendar>();

    private void MoveTo(DateOnly localDate, int hour)
    {
        var at = new DateTimeOffset(localDate.ToDateTime(new TimeOnly(hour, 0)), Local);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
    }

    private Task<Guid> UnitId(string code) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync());

    private Task<List<(Guid Unit, DateOnly? Period, DateOnly? Deadline, string State)>> AssignmentsOf(Guid task) => app.InScope(async sp =>
        (await sp.GetRequiredService<AppDbContext>().Assignments.AsNoTracking().Where(a => a.TaskId == task)
            .Select(a => new { a.LeadUnitId, a.Period, a.Deadline, a.State }).ToListAsync())
        .Select(a => (a.LeadUnitId, a.Period, a.Deadline, a.State.ToString())).ToList());

    /// <summary>The office enters a recurring task (a fresh client: the clock may have moved).</summary>
    private async Task<(Guid Task, string Content, List<AssignmentRowDto> Assignments)> EnterRecurring(string[] units, string recurrence, int day,
        DateOnly first, DateOnly? until)
    {
        var office = await app.ClientFor("vp.cv1");
        var leader = (await (await office.GetAsync("/api/documents/leaders")).Read<List<PersonDto>>()).First().Id;
        var leads = new List<Guid>();
        foreach (var u in units) leads.Add(await UnitId(u));
        var content = $"Báo cáo định kỳ {Guid.NewGuid():N}"[..40];
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-TH", summary = "Chế độ báo cáo định kỳ",
            issueDate = Today, directingLeaderId = leader, signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong", confirmDuplicate = true,
            tasks = new[]
            {
                new { content, leadUnitIds = leads, leadGroup = "None", cooperatingUnitIds = Array.Empty<Guid>(), deadline = first, nature = "ThuongXuyen",
                    recurrence, recurrenceDay = day, recurrenceUntil = until },
            },
        });
        var doc = await res.Read<DocumentViewDto>(HttpStatusCode.Created);
        return (doc.Tasks[0].Id, content, doc.Tasks[0].Assignments);
    }

    private DateOnly ExpectedDeadline(DateOnly scheduled) => Calendar.IsWorkingDay(scheduled) ? scheduled : Calendar.AddWorkingDays(scheduled, 1);

    [Fact]
    public async Task The_next_months_assignment_appears_the_day_after_the_deadline_once_with_two_instances_notified_and_in_the_inbox()
    {
        var first = new DateOnly(Today.Year, Today.Month, 20).AddMonths(1);
        var next = first.AddMonths(1);
        var (task, content, created) = await EnterRecurring(["sotc", "soxd"], "Monthly", 20, first, first.AddMonths(6));
        Assert.Equal(2, created.Count);
        var sotc = await UnitId("sotc");

        await using var second = app.CreateFactory(app.ConnectionString);
        var jobs = new[] { app.Service<RecurrenceJob>(), second.Services.GetRequiredService<RecurrenceJob>() };

        // Not before the first period's deadline has passed (the deadline day itself still belongs to it).
        await jobs[0].RunOnceAsync();
        MoveTo(first, 23);
        await jobs[0].RunOnceAsync();
        Assert.Equal(2, (await AssignmentsOf(task)).Count);

        MoveTo(first.AddDays(1), 8);
        await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync())));
        await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync())));
        var all = await AssignmentsOf(task);
        Assert.Equal(4, all.Count);
        Assert.Equal(2, all.Count(a => a.Period == next));
        Assert.Single(all, a => a.Period == next && a.Unit == sotc);
        Assert.All(all.Where(a => a.Period == next), a => Assert.Equal(ExpectedDeadline(next), a.Deadline));
        Assert.Equal(1, await app.InScope(sp => sp.GetRequiredService<AppDbContext>().RecurrencePeriods.CountAsync(p => p.TaskId == task && p.Period == next)));

        // In the unit's inbox, with its period.
        var focal = await app.ClientFor("sotc.daumoi");
        var inbox = await (await focal.GetAsync("/api/assignments?mine=true&pageSize=200")).Read<Paged<TimeRowDto>>();
        var mine = inbox.Items.Where(r => r.TaskId == task).ToList();
        Assert.Equal(2, mine.Count);
        var fresh = Assert.Single(mine, r => r.Period == next);
        Assert.Equal($"tháng {next.Month}/{next.Year}", fresh.PeriodLabel);
        Assert.Equal("Assigned", fresh.State);
        Assert.Equal($"tháng {first.Month}/{first.Year}", mine.Single(r => r.Period == first).PeriodLabel);

        // The office's list filters (directing leader, stored on each assignment) find the new period too.
        var office = await app.ClientFor("vp.cv1");
        var leaderId = await app.InScope(async sp =>
            await sp.GetRequiredService<AppDbContext>().Tasks.Where(t => t.Id == task).Select(t => t.DirectingLeaderId).FirstAsync());
        var byLeader = await (await office.GetAsync($"/api/assignments?leaderId={leaderId}&pageSize=200")).Read<Paged<TimeRowDto>>();
        Assert.Contains(byLeader.Items, r => r.Id == fresh.Id);

        // The usual Assigned event and the "new assignment" notification.
        var detail = await (await focal.GetAsync($"/api/assignments/{fresh.Id}")).Read<AssignmentDetailDto>();
        Assert.Single(detail.Timeline, e => e.Kind == "Assigned");
        var notes = await (await focal.GetAsync("/api/notifications")).Read<NotificationListDto>();
        Assert.Single(notes.Items, n => n.Kind == "NewAssignment" && n.Link == $"/assignments/{fresh.Id}" && n.Title.Contains(content[..30]));

        // The assignment page names the period.
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("sotc.daumoi");
        var html = System.Net.WebUtility.HtmlDecode(await browser.Client.GetStringAsync($"/assignments/{fresh.Id}"));
        Assert.Contains($"Kỳ: tháng {next.Month}/{next.Year}", html);
    }

    [Fact]
    public async Task Missed_periods_are_all_created_up_to_the_end_date_for_the_units_still_holding_the_task()
    {
        // Day 31: every period falls on the last day of its month.
        var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(2).AddDays(-1);
        var p1 = RecurrenceSchedule.Next(Recurrence.Monthly, 31, first);
        var p2 = RecurrenceSchedule.Next(Recurrence.Monthly, 31, p1);
        var p3 = RecurrenceSchedule.Next(Recurrence.Monthly, 31, p2);
        var (task, _, created) = await EnterRecurring(["sonv", "sotp", "xlapvo", "xlaivung"], "Monthly", 31, first, p3);
        var (sonv, sotp, soyt, xlapvo, xlaivung, xmyan) = (await UnitId("sonv"), await UnitId("sotp"), await UnitId("soyt"),
            await UnitId("xlapvo"), await UnitId("xlaivung"), await UnitId("xmyan"));

        // The office cancels one unit's assignment and transfers another's; two communes are dissolved, one with a successor.
        var office = await app.ClientFor("vp.cv1");
        async Task Act(Guid id, string action, Func<Guid, object> body)
        {
            var stamp = (await (await office.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
            Assert.Equal(HttpStatusCode.OK, (await office.PostJson($"/api/assignments/{id}/{action}", body(stamp))).StatusCode);
        }
        await Act(created.Single(a => a.LeadUnitId == sonv).Id, "cancel", s => new { reason = "Không còn phù hợp", concurrencyStamp = s });
        await Act(created.Single(a => a.LeadUnitId == sotp).Id, "transfer", s => new { toUnitId = soyt, reason = "Đúng chức năng", concurrencyStamp = s });
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Units.Where(u => u.Id == xlapvo).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
            return await db.Units.Where(u => u.Id == xlaivung)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false).SetProperty(u => u.SuccessorId, xmyan));
        });

        // The app was down for three periods; the fourth would be after the end date.
        MoveTo(p3.AddDays(5), 9);
        await app.Service<RecurrenceJob>().RunOnceAsync();
        var all = await AssignmentsOf(task);
        var renewed = all.Where(a => a.Period != first).ToList();
        Assert.Equal(6, renewed.Count);
        foreach (var p in new[] { p1, p2, p3 })
        {
            var units = renewed.Where(a => a.Period == p).Select(a => a.Unit).OrderBy(u => u).ToList();
            Assert.Equal(new[] { soyt, xmyan }.OrderBy(u => u), units);
            Assert.All(renewed.Where(a => a.Period == p), a => Assert.Equal(ExpectedDeadline(p), a.Deadline));
        }
        Assert.DoesNotContain(renewed, a => a.Unit == sonv || a.Unit == sotp || a.Unit == xlapvo || a.Unit == xlaivung);

        MoveTo(p3.AddDays(70), 9);
        await app.Service<RecurrenceJob>().RunOnceAsync();
        Assert.Equal(all.Count, (await AssignmentsOf(task)).Count);
    }

    [Fact]
    public async Task A_task_cancelled_for_every_unit_is_not_renewed()
    {
        var first = new DateOnly(Today.Year, Today.Month, 15).AddMonths(1);
        var (task, _, created) = await EnterRecurring(["sokhcn"], "Quarterly", 15, first, null);
        var office = await app.ClientFor("vp.cv1");
        var id = created.Single().Id;
        var stamp = (await (await office.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        Assert.Equal(HttpStatusCode.OK, (await office.PostJson($"/api/assignments/{id}/cancel", new { reason = "Dừng chế độ báo cáo", concurrencyStamp = stamp })).StatusCode);
        MoveTo(first.AddDays(1), 9);
        await app.Service<RecurrenceJob>().RunOnceAsync();
        Assert.Single(await AssignmentsOf(task));
    }

    [Fact]
    public async Task Recurrence_fields_are_checked_when_the_task_is_entered()
    {
        var office = await app.ClientFor("vp.cv1");
        var leader = (await (await office.GetAsync("/api/documents/leaders")).Read<List<PersonDto>>()).First().Id;
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = "77/UBND-TH", summary = "Báo cáo định kỳ sai ngày",
            issueDate = Today, directingLeaderId = leader, signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            tasks = new[]
            {
                new { content = "Báo cáo tháng", leadUnitIds = new[] { await UnitId("sotc") }, leadGroup = "None", cooperatingUnitIds = Array.Empty<Guid>(),
                    deadline = new DateOnly(Today.Year, Today.Month, 20).AddMonths(1), nature = "ThuongXuyen", recurrence = "Monthly", recurrenceDay = 21 },
            },
        });
        var problem = await res.Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Tasks[0].Deadline", out _));
    }
}

public sealed class RecurringTaskTests_Sqlite(SqliteApp app) : RecurringTaskTests<SqliteApp>(app);
public sealed class RecurringTaskTests_Postgres(PostgresApp app) : RecurringTaskTests<PostgresApp>(app);
