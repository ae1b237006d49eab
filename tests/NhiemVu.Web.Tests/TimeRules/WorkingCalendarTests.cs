using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.TimeRules;

public sealed record DayOffRow(DateOnly Date, string Name, string Kind, bool IsWeekend);
public sealed record OverrideRow(DateOnly Date, string Kind, string Name);
public sealed record CalendarYearRow(int Year, int WorkingDayCount, List<DayOffRow> DaysOff, List<OverrideRow> MakeUpWorkingDays, List<OverrideRow> Overrides);
public sealed record WorkingDaysRow(DateOnly From, DateOnly To, int Count, List<DateOnly> Days);
public sealed record AddWorkingDaysRow(DateOnly From, int Days, DateOnly Date, List<DateOnly> CountedDays);

/// <summary>The working calendar over HTTP. Each test changes its own year, so they share one app.</summary>
public abstract class WorkingCalendarTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static DateOnly Next(DateOnly from, DayOfWeek day)
    {
        var d = from;
        while (d.DayOfWeek != day) d = d.AddDays(1);
        return d;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<DateOnly> AddWorkingDays(HttpClient c, DateOnly from, int days) =>
        (await (await c.GetAsync($"/api/calendar/add-working-days?from={Iso(from)}&days={days}")).Read<AddWorkingDaysRow>()).Date;

    private static async Task<WorkingDaysRow> WorkingDays(HttpClient c, DateOnly from, DateOnly to) =>
        await (await c.GetAsync($"/api/calendar/working-days?from={Iso(from)}&to={Iso(to)}")).Read<WorkingDaysRow>();

    [Fact]
    public async Task Default_Tet_2026_days_are_off()
    {
        var focal = await app.ClientFor("sotc.daumoi");
        var year = await (await focal.GetAsync("/api/calendar/2026")).Read<CalendarYearRow>();
        // Tết 2026 is 17 February: the last day of the lunar year (16/2) and lunar 1–4 (17–20/2).
        for (var d = new DateOnly(2026, 2, 16); d <= new DateOnly(2026, 2, 20); d = d.AddDays(1))
            Assert.Contains(year.DaysOff, o => o.Date == d && o.Name == "Tết Nguyên đán" && o.Kind == "Statutory");

        var week = await WorkingDays(focal, new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 23));
        Assert.Equal([new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 23)], week.Days);
        Assert.Equal(2, week.Count);
        var after = await (await focal.GetAsync("/api/calendar/add-working-days?from=2026-02-13&days=2")).Read<AddWorkingDaysRow>();
        Assert.Equal(new DateOnly(2026, 2, 24), after.Date);
        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 24)], after.CountedDays);
    }

    [Fact]
    public async Task An_added_day_off_is_skipped_by_add_working_days()
    {
        var admin = await app.ClientFor("admin");
        var monday = Next(new DateOnly(2030, 3, 4), DayOfWeek.Monday);
        var friday = monday.AddDays(-3);
        Assert.Equal(monday, await AddWorkingDays(admin, friday, 1));

        var res = await admin.PostJson("/api/calendar/overrides", new { date = Iso(monday), kind = "DayOff", name = "Nghỉ hoán đổi" });
        Assert.Equal("DayOff", (await res.Read<OverrideRow>(HttpStatusCode.Created)).Kind);

        var focal = await app.ClientFor("sotc.daumoi");
        Assert.Equal(monday.AddDays(1), await AddWorkingDays(focal, friday, 1));
        var year = await (await focal.GetAsync("/api/calendar/2030")).Read<CalendarYearRow>();
        Assert.Contains(year.DaysOff, d => d.Date == monday && d.Name == "Nghỉ hoán đổi" && d.Kind == "Announced");
    }

    [Fact]
    public async Task A_make_up_Saturday_counts_as_a_working_day()
    {
        var admin = await app.ClientFor("admin");
        var saturday = Next(new DateOnly(2031, 6, 1), DayOfWeek.Saturday);
        Assert.Equal(0, (await WorkingDays(admin, saturday, saturday)).Count);

        var res = await admin.PostJson("/api/calendar/overrides", new { date = Iso(saturday), kind = "WorkingDay", name = "Làm bù" });
        await res.Read<OverrideRow>(HttpStatusCode.Created);

        Assert.Equal([saturday], (await WorkingDays(admin, saturday, saturday.AddDays(1))).Days);
        Assert.Equal(saturday, await AddWorkingDays(admin, saturday.AddDays(-1), 1));
        var year = await (await admin.GetAsync("/api/calendar/2031")).Read<CalendarYearRow>();
        Assert.Contains(year.MakeUpWorkingDays, d => d.Date == saturday && d.Name == "Làm bù");
    }

    [Fact]
    public async Task Removing_a_default_holiday_makes_it_a_working_day_and_deleting_the_override_restores_it()
    {
        var admin = await app.ClientFor("admin");
        var newYear = new DateOnly(2032, 1, 1);
        Assert.False(newYear.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(0, (await WorkingDays(admin, newYear, newYear)).Count);

        await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(newYear), kind = "RemoveDayOff" }))
            .Read<OverrideRow>(HttpStatusCode.Created);
        Assert.Equal(1, (await WorkingDays(admin, newYear, newYear)).Count);
        var year = await (await admin.GetAsync("/api/calendar/2032")).Read<CalendarYearRow>();
        Assert.DoesNotContain(year.DaysOff, d => d.Date == newYear);
        Assert.Contains(year.Overrides, o => o.Date == newYear && o.Kind == "RemoveDayOff");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/calendar/overrides/{Iso(newYear)}")).StatusCode);
        Assert.Equal(0, (await WorkingDays(admin, newYear, newYear)).Count);
        await (await admin.DeleteAsync($"/api/calendar/overrides/{Iso(newYear)}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Posting_again_for_a_date_replaces_its_override()
    {
        var admin = await app.ClientFor("admin");
        var saturday = Next(new DateOnly(2034, 5, 1), DayOfWeek.Saturday);
        await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(saturday), kind = "WorkingDay", name = "Làm bù" }))
            .Read<OverrideRow>(HttpStatusCode.Created);
        var replaced = await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(saturday), kind = "DayOff", name = "Nghỉ" }))
            .Read<OverrideRow>();
        Assert.Equal("DayOff", replaced.Kind);
        var year = await (await admin.GetAsync("/api/calendar/2034")).Read<CalendarYearRow>();
        Assert.Single(year.Overrides, o => o.Date == saturday);
        Assert.Empty(year.MakeUpWorkingDays);
    }

    [Fact]
    public async Task Non_admin_reads_the_calendar_but_gets_403_on_changes()
    {
        foreach (var user in new[] { "sotc.daumoi", "vp.lanhdao", "vp.cv1" })
        {
            var c = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/calendar/2026")).StatusCode);
            await (await c.PostJson("/api/calendar/overrides", new { date = "2035-03-05", kind = "DayOff", name = "Không được" }))
                .Problem(HttpStatusCode.Forbidden);
            await (await c.DeleteAsync("/api/calendar/overrides/2026-02-17")).Problem(HttpStatusCode.Forbidden);
        }
        await (await app.Anonymous().GetAsync("/api/calendar/2026")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invalid_input_gets_400_problem_details_and_changes_nothing()
    {
        var admin = await app.ClientFor("admin");
        var noName = await (await admin.PostJson("/api/calendar/overrides", new { date = "2036-03-05", kind = "DayOff", name = " " }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.True(noName.GetProperty("errors").TryGetProperty("Name", out _));

        var wednesday = Next(new DateOnly(2036, 3, 1), DayOfWeek.Wednesday);
        var notWeekend = await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(wednesday), kind = "WorkingDay" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.True(notWeekend.GetProperty("errors").TryGetProperty("date", out _));

        await (await admin.PostJson("/api/calendar/overrides", new { date = "2036-03-05", kind = "Holiday", name = "x" }))
            .Problem(HttpStatusCode.BadRequest);
        await (await admin.PostJson("/api/calendar/overrides", new { kind = "DayOff", name = "x" })).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostJson("/api/calendar/overrides", new { date = "1850-01-02", kind = "DayOff", name = "x" })).Problem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/calendar/1850")).Problem(HttpStatusCode.BadRequest);
        var tooMany = await (await admin.GetAsync("/api/calendar/add-working-days?from=2026-01-05&days=5000")).Problem(HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("days", out _));
        var missing = await (await admin.GetAsync("/api/calendar/add-working-days?days=3")).Problem(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("from", out _));
        await (await admin.GetAsync("/api/calendar/working-days?from=2026-03-10&to=2026-03-01")).Problem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/calendar/working-days?from=2026-01-01&to=2030-01-01")).Problem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/calendar/working-days?from=hôm-nay&to=2026-03-01")).Problem(HttpStatusCode.BadRequest);

        var year = await (await admin.GetAsync("/api/calendar/2036")).Read<CalendarYearRow>();
        Assert.Empty(year.Overrides);
    }

    [Fact]
    public async Task A_calendar_change_is_in_the_audit_log()
    {
        var admin = await app.ClientFor("admin");
        var monday = Next(new DateOnly(2037, 10, 1), DayOfWeek.Monday);
        await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(monday), kind = "DayOff", name = "Nghỉ theo thông báo 2037" }))
            .Read<OverrideRow>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/calendar/overrides/{Iso(monday)}")).StatusCode);

        var lines = await app.InScope(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "CalendarOverrideRow").ToListAsync());
        var added = Assert.Single(lines, a => a.Action == "CalendarOverrideRow.Added" && a.Details!.Contains("Nghỉ theo thông báo 2037"));
        Assert.Equal("admin", added.UserName);
        Assert.Contains(lines, a => a.Action == "CalendarOverrideRow.Deleted" && a.EntityId == added.EntityId);
        // The version stamp is bookkeeping, not an audited change.
        Assert.False(await app.InScope(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.EntityType == "DataVersion")));
    }

    [Fact]
    public async Task The_app_calendar_follows_changes_at_once_here_and_within_the_refresh_interval_on_another_instance()
    {
        var admin = await app.ClientFor("admin");
        var monday = Next(new DateOnly(2038, 4, 5), DayOfWeek.Monday);
        var calendar = app.Service<IWorkingCalendar>();
        Assert.True(calendar.IsWorkingDay(monday));

        await using var other = app.CreateFactory(app.ConnectionString);
        var otherCalendar = other.Services.GetRequiredService<IWorkingCalendar>();
        Assert.True(otherCalendar.IsWorkingDay(monday));

        await (await admin.PostJson("/api/calendar/overrides", new { date = Iso(monday), kind = "DayOff", name = "Nghỉ" }))
            .Read<OverrideRow>(HttpStatusCode.Created);
        Assert.Equal(monday.AddDays(1), await AddWorkingDays(admin, monday.AddDays(-3), 1));
        Assert.False(calendar.IsWorkingDay(monday));

        // The other instance keeps its cached calendar until its next check (at most 30 s)...
        var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenFor("admin"));
        Assert.Equal(monday, await AddWorkingDays(otherClient, monday.AddDays(-3), 1));
        // ...and then sees the change.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(monday.AddDays(1), await AddWorkingDays(otherClient, monday.AddDays(-3), 1));
        Assert.False(otherCalendar.IsWorkingDay(monday));
    }

    [Fact]
    public async Task Admin_calendar_page_adds_a_day_off_and_is_admin_only()
    {
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("admin");
        Assert.Equal("200", await browser.VisitAsync("/admin/calendar?year=2039"));
        var monday = Next(new DateOnly(2039, 11, 1), DayOfWeek.Monday);
        var res = await browser.PostFormAsync("/admin/calendar?year=2039&handler=DayOff",
            new() { ["Date"] = Iso(monday), ["Name"] = "Nghỉ thử trên trang" }, "/admin/calendar?year=2039");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var html = await browser.Client.GetStringAsync("/admin/calendar?year=2039");
        Assert.Contains("Nghỉ thử trên trang", html);

        // A day off without a name is refused beside the field, nothing saved.
        var bad = await browser.PostFormAsync("/admin/calendar?year=2039&handler=DayOff",
            new() { ["Date"] = Iso(monday.AddDays(7)), ["Name"] = "" }, "/admin/calendar?year=2039");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Cần nhập tên ngày nghỉ.", await bad.Content.ReadAsStringAsync());

        var focal = new CookieBrowser(app.Factory);
        await focal.LoginAsync("sotc.daumoi");
        Assert.Contains("/forbidden", await focal.VisitAsync("/admin/calendar"));
    }
}

public sealed class WorkingCalendarTests_Sqlite(SqliteApp app) : WorkingCalendarTests<SqliteApp>(app);
public sealed class WorkingCalendarTests_Postgres(PostgresApp app) : WorkingCalendarTests<PostgresApp>(app);
