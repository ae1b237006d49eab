using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Notifications;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Notifications;

/// <summary>A notifications app whose digests list every item (the demo data has many pending reports and requests).</summary>
public abstract class DigestApp(DbProvider provider) : NotificationsApp(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>(base.Settings) { ["Notifications:DigestListLimit"] = "1000" };
}

public sealed class SqliteDigestApp() : DigestApp(DbProvider.Sqlite);
public sealed class PostgresDigestApp() : DigestApp(DbProvider.Postgres);

/// <summary>
/// The sections of the morning digest beyond due soon / overdue: a focal officer's stale
/// progress, the office's review queue and pending requests, a leader's overdue directions. Each
/// test runs the digest on a working day after every earlier one (a user gets one digest a day).
/// </summary>
public abstract class DigestSummaryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DigestApp
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

    private Task<string> UnitName(string code) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == code).Select(u => u.Name).FirstAsync());

    private async Task<(Guid Assignment, string Content)> Assign(string unit, DateOnly deadline, string what, string leaderUser = "chutich")
    {
        var content = $"{what} {Guid.NewGuid():N}"[..40];
        var office = await app.ClientFor("vp.cv1");
        var leader = await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == leaderUser).Select(u => u.Id).FirstAsync());
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-TB", summary = "Thông báo " + what,
            issueDate = Today, directingLeaderId = leader, signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong", confirmDuplicate = true,
            tasks = new[]
            {
                new { content, leadUnitIds = new[] { await UnitId(unit) }, leadGroup = "None", cooperatingUnitIds = Array.Empty<Guid>(), deadline, nature = "TrongTam" },
            },
        });
        var doc = await res.Read<DocumentViewDto>(HttpStatusCode.Created);
        return (doc.Tasks[0].Assignments[0].Id, content);
    }

    private async Task<HttpResponseMessage> Act(string user, Guid id, string action, Func<Guid, object> body)
    {
        var client = await app.ClientFor(user);
        var stamp = (await (await client.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        return await client.PostJson($"/api/assignments/{id}/{action}", body(stamp));
    }

    /// <summary>Runs the digest on <paramref name="day"/> and returns the section of <paramref name="user"/>'s in-app digest under <paramref name="heading"/>.</summary>
    private async Task<string> DigestSection(string user, DateOnly day, string heading)
    {
        MoveTo(day, 8);
        await app.Service<DigestJob>().RunOnceAsync();
        var list = await (await (await app.ClientFor(user)).GetAsync("/api/notifications")).Read<NotificationListDto>();
        var digest = Assert.Single(list.Items, n => n.Kind == "Digest" && n.Title.Contains($"{day:dd/MM/yyyy}") && n.Link == "/assignments");
        var section = digest.Body.Split("\n\n").FirstOrDefault(s => s.StartsWith(heading));
        Assert.True(section is not null, $"no section \"{heading}\" in the digest of {user}:\n{digest.Body}");
        return section;
    }

    [Fact]
    public async Task A_focal_officers_digest_lists_the_assignments_without_progress_for_seven_days()
    {
        var (stale, staleContent) = await Assign("bqlkkt", Calendar.AddWorkingDays(Today, 40), "Không cập nhật tiến độ");
        var (fresh, freshContent) = await Assign("bqlkkt", Calendar.AddWorkingDays(Today, 40), "Có cập nhật tiến độ");
        Assert.Equal(HttpStatusCode.OK, (await Act("bqlkkt.daumoi", stale, "receive", s => new { concurrencyStamp = s })).StatusCode);
        var day = Calendar.AddWorkingDays(Today.AddDays(8), 1);
        MoveTo(day.AddDays(-1), 9);
        Assert.Equal(HttpStatusCode.OK, (await Act("bqlkkt.daumoi", fresh, "progress", s => new { text = "Đã giao phòng chuyên môn", concurrencyStamp = s })).StatusCode);

        var section = await DigestSection("bqlkkt.daumoi", day, "Nhiệm vụ chưa cập nhật tiến độ từ 7 ngày trở lên");
        Assert.Contains(staleContent, section);
        Assert.Contains("(chưa cập nhật lần nào)", section);
        Assert.DoesNotContain(freshContent, section);
    }

    [Fact]
    public async Task The_offices_digest_lists_reports_awaiting_review_and_pending_requests()
    {
        var (reported, reportedContent) = await Assign("bchqs", Calendar.AddWorkingDays(Today, 20), "Báo cáo chờ xác nhận");
        var (asked, askedContent) = await Assign("ptth", Calendar.AddWorkingDays(Today, 20), "Xin gia hạn");
        Assert.Equal(HttpStatusCode.OK, (await Act("bchqs.daumoi", reported, "reports", s => new
        {
            name = "Báo cáo kết quả", numberAndSymbol = "9/BC-BCH", summary = "Đã hoàn thành", documentDate = Today, signerName = "Chỉ huy trưởng",
            idempotencyKey = Guid.NewGuid().ToString(), concurrencyStamp = s,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act("ptth.daumoi", asked, "extensions",
            s => new { newDeadline = Calendar.AddWorkingDays(Today, 40), reason = "Chờ số liệu", concurrencyStamp = s })).StatusCode);

        var day = Calendar.AddWorkingDays(Today, 1);
        var reports = await DigestSection("vp.cv2", day, "Báo cáo chờ xác nhận");
        Assert.Contains($"{await UnitName("bchqs")}: {reportedContent}", reports);
        Assert.DoesNotContain(askedContent, reports);
        var requests = await DigestSection("vp.cv2", day, "Đề nghị chờ quyết định");
        Assert.Contains($"Xin gia hạn — {await UnitName("ptth")}: {askedContent}", requests);
        Assert.DoesNotContain(reportedContent, requests);
    }

    [Fact]
    public async Task A_leaders_digest_lists_the_overdue_assignments_they_direct_and_not_another_leaders()
    {
        var (_, mine) = await Assign("sonv", Calendar.AddWorkingDays(Today, 1), "Quá hạn của Chủ tịch", "chutich");
        var (_, theirs) = await Assign("sotp", Calendar.AddWorkingDays(Today, 1), "Quá hạn của Phó Chủ tịch", "pct.kinhte");
        var deadline = Calendar.AddWorkingDays(Today, 1);
        var day = Calendar.AddWorkingDays(Today, 3);

        var section = await DigestSection("chutich", day, "Nhiệm vụ do đồng chí chỉ đạo đã quá hạn");
        Assert.Contains($"{await UnitName("sonv")}: [hạn {deadline:dd/MM/yyyy}]", section);
        Assert.Contains($"{mine} (quá {day.DayNumber - deadline.DayNumber} ngày)", section);
        Assert.DoesNotContain(theirs, section);
    }
}

public sealed class DigestSummaryTests_Sqlite(SqliteDigestApp app) : DigestSummaryTests<SqliteDigestApp>(app);
public sealed class DigestSummaryTests_Postgres(PostgresDigestApp app) : DigestSummaryTests<PostgresDigestApp>(app);
