using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.LockWindows;
using NhiemVu.Web.Infrastructure;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.TimeRules;

public sealed record ExemptionRow(Guid Id, Guid UnitId, string UnitName, string Reason, string? GrantedBy, DateTimeOffset GrantedAt);
public sealed record MeetingRow(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset LockStartsAt,
    bool Locking, bool Ended, List<ExemptionRow>? Exemptions);
public sealed record LockRow(Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, DateTimeOffset LockedFrom,
    DateTimeOffset LockedUntil, string Reason);
public sealed record LockStatusRow(Guid UnitId, bool Locked, LockRow? Lock);

/// <summary>
/// Lock windows before briefing meetings, with the app's clock moved forward (it never goes back).
/// Each test puts its meeting days after the current clock and deletes it at the end, so the
/// tests of a class do not lock each other. Bearer tokens last an hour: clients are taken after
/// each move of the clock.
/// </summary>
public abstract class LockWindowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    private DateOnly Today => ProvinceTime.Today(app.Clock);

    private void MoveTo(DateOnly localDate, int hour, int minute = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(localDate.ToDateTime(new TimeOnly(hour, minute)), Local));

    private async Task<MeetingRow> AddMeeting(DateOnly day, string title, int fromHour = 8, int toHour = 17)
    {
        var office = await app.ClientFor("vp.cv1");
        var res = await office.PostJson("/api/meetings", new
        {
            title,
            start = day.ToDateTime(new TimeOnly(fromHour, 0)).ToString("yyyy-MM-ddTHH:mm:ss"),
            end = day.ToDateTime(new TimeOnly(toHour, 0)).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        return await res.Read<MeetingRow>(HttpStatusCode.Created);
    }

    private async Task DeleteMeeting(Guid id) =>
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientFor("vp.lanhdao")).DeleteAsync($"/api/meetings/{id}")).StatusCode);

    private async Task<LockStatusRow> StatusOf(string user) =>
        await (await (await app.ClientFor(user)).GetAsync("/api/lock-status")).Read<LockStatusRow>();

    private async Task<Guid> UnitOf(string user) => (await StatusOf(user)).UnitId;

    [Fact]
    public async Task Lock_starts_3_days_before_the_meeting_and_ends_with_it()
    {
        var day = Today.AddDays(10);
        var title = "Hội nghị giao ban kinh tế – xã hội " + Guid.NewGuid().ToString("N")[..4];
        var m = await AddMeeting(day, title);
        Assert.Equal(new DateTimeOffset(day.AddDays(-3).ToDateTime(TimeOnly.MinValue), Local), m.LockStartsAt);
        Assert.Equal(Local, m.StartsAt.Offset);
        try
        {
            Assert.False((await StatusOf("sotc.daumoi")).Locked);
            Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientFor("sotc.daumoi")).GetAsync("/api/lock-status/check")).StatusCode);

            MoveTo(day.AddDays(-4), 23, 59);
            Assert.False((await StatusOf("sotc.daumoi")).Locked);

            MoveTo(day.AddDays(-3), 0, 0);
            var locked = await StatusOf("sotc.daumoi");
            Assert.True(locked.Locked);
            Assert.Equal(title, locked.Lock!.MeetingTitle);
            Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), Local), locked.Lock.LockedUntil);
            var endText = $"{day:dd/MM/yyyy} 17:00";
            Assert.Contains(endText, locked.Lock.Reason);

            var check = await (await app.ClientFor("sotc.daumoi")).GetAsync("/api/lock-status/check");
            var problem = await check.Problem((HttpStatusCode)423);
            Assert.Equal("locked", problem.GetProperty("code").GetString());
            Assert.Contains(title, problem.GetProperty("detail").GetString());
            Assert.Contains(endText, problem.GetProperty("detail").GetString());

            MoveTo(day, 10);
            Assert.True((await StatusOf("sotc.daumoi")).Locked);
            Assert.True((await StatusOf("sonv.daumoi")).Locked);

            MoveTo(day, 17);
            Assert.False((await StatusOf("sotc.daumoi")).Locked);
            Assert.Equal(HttpStatusCode.NoContent, (await (await app.ClientFor("sotc.daumoi")).GetAsync("/api/lock-status/check")).StatusCode);
            var list = await (await app.ClientFor("vp.cv1")).GetAsync("/api/meetings");
            Assert.DoesNotContain(await list.Read<List<MeetingRow>>(), x => x.Id == m.Id);
            var all = await (await (await app.ClientFor("vp.cv1")).GetAsync("/api/meetings?includePast=true")).Read<List<MeetingRow>>();
            Assert.True(all.Single(x => x.Id == m.Id).Ended);
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
    }

    [Fact]
    public async Task An_exemption_opens_the_lock_for_that_unit_only_and_is_audited()
    {
        var day = Today.AddDays(6);
        var m = await AddMeeting(day, "Giao ban quý");
        try
        {
            MoveTo(day.AddDays(-1), 9);
            var sotc = await UnitOf("sotc.daumoi");
            Assert.True((await StatusOf("sotc.daumoi")).Locked);

            var office = await app.ClientFor("vp.lanhdao");
            var reason = "Bổ sung số liệu quyết toán theo yêu cầu " + Guid.NewGuid().ToString("N")[..4];
            var lifted = await (await office.PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = sotc, reason }))
                .Read<MeetingRow>(HttpStatusCode.Created);
            var ex = Assert.Single(lifted.Exemptions!);
            Assert.Equal(sotc, ex.UnitId);
            Assert.Equal("Võ Minh Chánh", ex.GrantedBy);

            Assert.False((await StatusOf("sotc.daumoi")).Locked);
            Assert.True((await StatusOf("sonv.daumoi")).Locked);

            // Twice for the same unit is refused; the unit sees the meeting but not the exemptions.
            var again = await office.PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = sotc, reason = "lần nữa" });
            Assert.Equal("lock.already_lifted", (await again.Problem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
            var seenByUnit = await (await (await app.ClientFor("sotc.daumoi")).GetAsync("/api/meetings")).Read<List<MeetingRow>>();
            Assert.Null(seenByUnit.Single(x => x.Id == m.Id).Exemptions);

            var audit = await app.InScope(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.Action == "LockExemption.Added").ToListAsync());
            var line = Assert.Single(audit, a => a.Details!.Contains(reason));
            Assert.Equal("vp.lanhdao", line.UserName);
            Assert.Contains(sotc.ToString(), line.Details);
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
        var deleted = await app.InScope(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == m.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("BriefingMeeting.Added", deleted);
        Assert.Contains("BriefingMeeting.Deleted", deleted);
    }

    [Fact]
    public async Task Only_the_office_manages_meetings_and_lifts_locks()
    {
        var day = Today.AddDays(20);
        var m = await AddMeeting(day, "Giao ban tháng");
        try
        {
            foreach (var user in new[] { "sotc.daumoi", "admin" })
            {
                var c = await app.ClientFor(user);
                await (await c.PostJson("/api/meetings", new { title = "x", start = "2040-01-02T08:00", end = "2040-01-02T11:00" }))
                    .Problem(HttpStatusCode.Forbidden);
                await (await c.DeleteAsync($"/api/meetings/{m.Id}")).Problem(HttpStatusCode.Forbidden);
                await (await c.PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = await UnitOf("sotc.daumoi"), reason = "x" }))
                    .Problem(HttpStatusCode.Forbidden);
                Assert.Contains(await (await c.GetAsync("/api/meetings")).Read<List<MeetingRow>>(), x => x.Id == m.Id);
            }
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
    }

    [Fact]
    public async Task Invalid_meeting_or_exemption_gets_400_problem_details()
    {
        var office = await app.ClientFor("vp.cv1");
        var d = Today.AddDays(40).ToString("yyyy-MM-dd");
        var backwards = await (await office.PostJson("/api/meetings", new { title = "Giao ban", start = $"{d}T15:00", end = $"{d}T08:00" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("end", out _));
        var noTitle = await (await office.PostJson("/api/meetings", new { title = "", start = $"{d}T08:00", end = $"{d}T11:00" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.True(noTitle.GetProperty("errors").TryGetProperty("title", out _));
        await (await office.PostJson("/api/meetings", new { title = "Giao ban", start = "ngày mai", end = $"{d}T11:00" }))
            .Problem(HttpStatusCode.BadRequest);

        var m = await AddMeeting(Today.AddDays(40), "Giao ban kiểm tra dữ liệu");
        try
        {
            var noReason = await (await office.PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = await UnitOf("sotc.daumoi"), reason = " " }))
                .Problem(HttpStatusCode.BadRequest);
            Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
            var noUnit = await (await office.PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = Guid.NewGuid(), reason = "x" }))
                .Problem(HttpStatusCode.BadRequest);
            Assert.True(noUnit.GetProperty("errors").TryGetProperty("unitId", out _));
            await (await office.PostJson($"/api/meetings/{Guid.NewGuid()}/exemptions", new { unitId = await UnitOf("sotc.daumoi"), reason = "x" }))
                .Problem(HttpStatusCode.NotFound);
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
    }

    [Fact]
    public async Task EnsureOpenAsync_throws_LockedException_naming_the_meeting_and_its_end()
    {
        var day = Today.AddDays(8);
        var m = await AddMeeting(day, "Hội nghị giao ban kinh tế – xã hội 6 tháng", 8, 11);
        try
        {
            var sotc = await UnitOf("sotc.daumoi");
            var sonv = await UnitOf("sonv.daumoi");
            await app.InScope(async sp =>
            {
                var locks = sp.GetRequiredService<LockWindowService>();
                Assert.Null(await locks.ActiveLockAsync(sotc));
                await locks.EnsureOpenAsync(sotc);
                return 0;
            });

            MoveTo(day.AddDays(-2), 14);
            await (await (await app.ClientFor("vp.cv1")).PostJson($"/api/meetings/{m.Id}/exemptions", new { unitId = sonv, reason = "Được phép bổ sung" }))
                .Read<MeetingRow>(HttpStatusCode.Created);
            await app.InScope(async sp =>
            {
                var locks = sp.GetRequiredService<LockWindowService>();
                var status = await locks.ActiveLockAsync(sotc);
                Assert.Equal(m.Id, status!.MeetingId);
                var ex = await Assert.ThrowsAsync<LockedException>(() => locks.EnsureOpenAsync(sotc));
                Assert.Contains("Hội nghị giao ban kinh tế – xã hội 6 tháng", ex.Message);
                Assert.Contains($"{day:dd/MM/yyyy} 11:00", ex.Message);
                Assert.Null(await locks.ActiveLockAsync(sonv));
                await locks.EnsureOpenAsync(sonv);
                return 0;
            });
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
    }

    [Fact]
    public async Task Meetings_page_is_for_the_office_and_a_locked_unit_sees_the_banner_at_home()
    {
        var day = Today.AddDays(5);
        var office = new CookieBrowser(app.Factory);
        await office.LoginAsync("vp.cv1");
        var res = await office.PostFormAsync("/office/meetings?handler=Add", new()
        {
            ["Title"] = "Giao ban trên trang", ["Start"] = $"{day:yyyy-MM-dd}T08:00", ["End"] = $"{day:yyyy-MM-dd}T16:30",
        }, "/office/meetings");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("Giao ban trên trang", await office.Client.GetStringAsync("/office/meetings"));
        var m = (await (await (await app.ClientFor("vp.cv1")).GetAsync("/api/meetings")).Read<List<MeetingRow>>())
            .Single(x => x.Title == "Giao ban trên trang");
        try
        {
            MoveTo(day.AddDays(-1), 8);
            var unit = new CookieBrowser(app.Factory);
            await unit.LoginAsync("sotc.daumoi");
            var home = await unit.Client.GetStringAsync("/");
            Assert.Contains("Đang khóa cập nhật thông tin", home);
            Assert.Contains($"{day:dd/MM/yyyy} 16:30", home);
            Assert.Contains("/forbidden", await unit.VisitAsync("/office/meetings"));

            var admin = new CookieBrowser(app.Factory);
            await admin.LoginAsync("admin");
            Assert.DoesNotContain("Đang khóa cập nhật thông tin", await admin.Client.GetStringAsync("/"));
        }
        finally
        {
            await DeleteMeeting(m.Id);
        }
    }
}

public sealed class LockWindowTests_Sqlite(SqliteApp app) : LockWindowTests<SqliteApp>(app);
public sealed class LockWindowTests_Postgres(PostgresApp app) : LockWindowTests<PostgresApp>(app);
