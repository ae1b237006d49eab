using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Notifications;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Notifications;

public sealed record NotificationRow(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);
public sealed record NotificationListDto(int Unread, List<NotificationRow> Items);
public sealed record PreferenceRow(string Kind, string Label, bool InApp, bool Email);
public sealed record PreferencesDto(bool HasEmail, string? Email, List<PreferenceRow> Items);

/// <summary>An app whose e-mail goes to a loopback SMTP server the test reads.</summary>
public abstract class NotificationsApp(DbProvider provider) : AppFixture(provider), IDisposable
{
    public const int SmtpTimeoutSeconds = 5;
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = Smtp.Port.ToString(), ["Smtp:UseTls"] = "None",
        ["Smtp:From"] = "NhiemVu <nhiemvu@ubnd.test>", ["Smtp:TimeoutSeconds"] = SmtpTimeoutSeconds.ToString(),
    };

    public void Dispose() => Smtp.Dispose();
}

public sealed class SqliteNotificationsApp() : NotificationsApp(DbProvider.Sqlite);
public sealed class PostgresNotificationsApp() : NotificationsApp(DbProvider.Postgres);

/// <summary>
/// The notification centre, preferences, the morning digest and e-mail through a real (loopback)
/// SMTP server. The clock only moves forward; each test uses its own unit so their digests and
/// mail boxes do not mix, and takes fresh clients after moving the clock (tokens last an hour).
/// </summary>
public abstract class NotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : NotificationsApp
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    private DateOnly Today => ProvinceTime.Today(app.Clock);
    private IWorkingCalendar Calendar => app.Service<IWorkingCalendar>();

    private void MoveTo(DateOnly localDate, int hour, int minute = 0)
    {
        var at = new DateTimeOffset(localDate.ToDateTime(new TimeOnly(hour, minute)), Local);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
    }

    /// <summary>The next working day at least <paramref name="workingDays"/> working days after today.</summary>
    private DateOnly NextWorkingDay(int workingDays = 1) => Calendar.AddWorkingDays(Today, workingDays);

    private Task SetEmail(string user, string email) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email)));

    private Task<Guid> UserId(string user) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == user).Select(u => u.Id).FirstAsync());

    private Task<List<OutboxMessage>> Outbox(string to) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == to).ToListAsync());

    // Not WorkflowDriver: it keeps clients, whose tokens expire when these tests move the clock.
    private Task<Guid> UnitId(string code) => app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync());

    private static async Task<Guid> Leader(HttpClient office) =>
        (await (await office.GetAsync("/api/documents/leaders")).Read<List<PersonDto>>()).First(l => l.FullName.Contains("Nguyễn Văn Chính")).Id;

    private async Task<NotificationListDto> Notifications(string user) =>
        await (await (await app.ClientFor(user)).GetAsync("/api/notifications")).Read<NotificationListDto>();

    /// <summary>The office enters a document for one unit (a fresh client: the clock may have moved).</summary>
    private async Task<(Guid Assignment, string Content)> Assign(string unit, DateOnly deadline, string what)
    {
        var content = $"{what} {Guid.NewGuid():N}"[..40];
        var office = await app.ClientFor("vp.cv1");
        var res = await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-TB", summary = "Thông báo " + what,
            issueDate = Today, directingLeaderId = await Leader(office), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            tasks = new[]
            {
                new { content, leadUnitIds = new[] { await UnitId(unit) }, leadGroup = "None", cooperatingUnitIds = Array.Empty<Guid>(), deadline, nature = "TrongTam" },
            },
        });
        var doc = await res.Read<DocumentViewDto>(HttpStatusCode.Created);
        return (doc.Tasks[0].Assignments[0].Id, content);
    }

    [Fact]
    public async Task Digest_with_due_soon_and_overdue_items_reaches_the_SMTP_server_once_with_two_instances_running_the_job()
    {
        const string user = "sotc.daumoi", email = "daumoi@sotc.test";
        await SetEmail(user, email);
        var overdueBy = NextWorkingDay(1);
        var day = NextWorkingDay(3);
        var soon = Calendar.AddWorkingDays(day, 1);
        var (_, late) = await Assign("sotc", overdueBy, "Báo cáo quá hạn");
        var (_, due) = await Assign("sotc", soon, "Báo cáo sắp đến hạn");

        MoveTo(day, 7);
        await using var second = app.CreateFactory(app.ConnectionString);
        var jobs = new[] { app.Service<DigestJob>(), second.Services.GetRequiredService<DigestJob>() };
        var senders = new[] { app.Service<OutboxSender>(), second.Services.GetRequiredService<OutboxSender>() };

        var made = await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync())));
        Assert.True(made.Sum() > 0);
        await Task.WhenAll(senders.Select(s => Task.Run(() => s.RunOnceAsync())));
        await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync())).Concat(senders.Select(s => Task.Run(() => s.RunOnceAsync()))));

        var title = $"Bản tin nhiệm vụ ngày {day:dd/MM/yyyy}";
        var mails = app.Smtp.To(email).Where(m => m.Subject.Contains(title)).ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("quá hạn", mail.Subject);
        Assert.Contains("Nhiệm vụ quá hạn", mail.Text);
        Assert.Contains(late, mail.Text);
        Assert.Contains("Nhiệm vụ sắp đến hạn", mail.Text);
        Assert.Contains(due, mail.Text);
        Assert.Equal("nhiemvu@ubnd.test", mail.From);

        var id = await UserId(user);
        var (records, digests) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.DigestRecords.CountAsync(r => r.UserId == id && r.LocalDate == day),
                await db.Notifications.CountAsync(n => n.UserId == id && n.Kind == NotificationKind.Digest && n.Title.StartsWith(title)));
        });
        Assert.Equal(1, records);
        Assert.Equal(1, digests);
        Assert.All(await Outbox(email), m => Assert.NotNull(m.SentAtUtc));
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_and_delivered_and_the_request_that_caused_it_was_not_slowed()
    {
        const string user = "soct.daumoi", email = "daumoi@soct.test";
        await SetEmail(user, email);
        var res = await (await app.ClientFor(user)).PutJson("/api/notifications/preferences",
            new[] { new { kind = "NewAssignment", inApp = true, email = true } });
        Assert.Contains((await res.Read<PreferencesDto>()).Items, p => p.Kind == "NewAssignment" && p.Email);

        app.Smtp.Mode = SmtpMode.Hang; // the port answers, the server never does
        try
        {
            var watch = Stopwatch.StartNew();
            var (_, content) = await Assign("soct", NextWorkingDay(10), "Kiểm tra gửi thư");
            watch.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(NotificationsApp.SmtpTimeoutSeconds),
                $"entering the document took {watch.Elapsed}: it must not wait for the mail server");
            var queued = Assert.Single((await Outbox(email)).Where(m => m.Subject.Contains(content)));
            Assert.Null(queued.SentAtUtc);
            Assert.Equal(0, queued.Attempts);

            Assert.Equal(0, await app.Service<OutboxSender>().RunOnceAsync());
            var failed = (await Outbox(email)).Single(m => m.Id == queued.Id);
            Assert.Equal(1, failed.Attempts);
            Assert.NotNull(failed.LastError);
            Assert.Null(failed.SentAtUtc);
            Assert.True(failed.NextAttemptAtUtc > app.Clock.GetUtcNow());
            Assert.Empty(app.Smtp.To(email));

            // Not due yet: nothing is tried again.
            app.Smtp.Recover();
            Assert.Equal(0, await app.Service<OutboxSender>().RunOnceAsync());
            Assert.Equal(1, (await Outbox(email)).Single(m => m.Id == queued.Id).Attempts);

            app.Clock.Advance(OutboxSender.Backoff(1) + TimeSpan.FromSeconds(1));
            Assert.True(await app.Service<OutboxSender>().RunOnceAsync() >= 1);
            var sent = (await Outbox(email)).Single(m => m.Id == queued.Id);
            Assert.NotNull(sent.SentAtUtc);
            Assert.Equal(2, sent.Attempts);
            Assert.Null(sent.LastError);
            var mail = Assert.Single(app.Smtp.To(email));
            Assert.Contains("Nhiệm vụ mới", mail.Subject);
            Assert.Contains(content, mail.Text);
        }
        finally
        {
            app.Smtp.Recover();
        }
    }

    [Fact]
    public async Task Preferences_default_to_email_for_digests_and_turning_email_off_leaves_in_app_only()
    {
        const string user = "sonv.daumoi", email = "daumoi@sonv.test";
        await SetEmail(user, email);
        var client = await app.ClientFor(user);
        var prefs = await (await client.GetAsync("/api/notifications/preferences")).Read<PreferencesDto>();
        Assert.True(prefs.HasEmail);
        Assert.All(prefs.Items, p => Assert.True(p.InApp));
        Assert.True(prefs.Items.Single(p => p.Kind == "Overdue").Email);
        Assert.True(prefs.Items.Single(p => p.Kind == "DueSoon").Email);
        Assert.False(prefs.Items.Single(p => p.Kind == "NewAssignment").Email);

        var off = prefs.Items.Select(p => new { kind = p.Kind, inApp = true, email = false }).ToArray();
        var saved = await (await client.PutJson("/api/notifications/preferences", off)).Read<PreferencesDto>();
        Assert.All(saved.Items, p => Assert.False(p.Email));

        var day = NextWorkingDay(2);
        var (_, content) = await Assign("sonv", Calendar.AddWorkingDays(day, 1), "Chỉ nhận trong hệ thống");
        MoveTo(day, 8);
        Assert.True(await app.Service<DigestJob>().RunOnceAsync() > 0);
        await app.Service<OutboxSender>().RunOnceAsync();

        var list = await Notifications(user);
        Assert.Contains(list.Items, n => n.Kind == "NewAssignment" && n.Title.Contains(content));
        Assert.Contains(list.Items, n => n.Kind == "Digest" && n.Title.Contains($"{day:dd/MM/yyyy}") && n.Body.Contains(content));
        Assert.Empty(await Outbox(email));
        Assert.Empty(app.Smtp.To(email));
    }

    [Fact]
    public async Task No_digest_on_a_non_working_day_nor_before_the_digest_hour()
    {
        var d = Today.AddDays(1);
        while (Calendar.IsWorkingDay(d)) d = d.AddDays(1);
        MoveTo(d, 9);
        var job = app.Service<DigestJob>();
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<AppDbContext>().DigestRecords.CountAsync(r => r.LocalDate == d)));

        var next = Calendar.AddWorkingDays(d, 1);
        MoveTo(next, 6, 59);
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<AppDbContext>().DigestRecords.CountAsync(r => r.LocalDate == next)));
        MoveTo(next, 7);
        Assert.True(await job.RunOnceAsync() > 0);
        Assert.Equal(0, await job.RunOnceAsync()); // once a day
    }

    [Fact]
    public async Task The_notification_centre_lists_counts_and_marks_read()
    {
        const string user = "sodtoc.daumoi";
        var before = await Notifications(user);
        var (_, first) = await Assign("sodtoc", NextWorkingDay(15), "Thông báo thứ nhất");
        var (assignment, second) = await Assign("sodtoc", NextWorkingDay(15), "Thông báo thứ hai");

        var client = await app.ClientFor(user);
        var list = await Notifications(user);
        Assert.Equal(before.Unread + 2, list.Unread);
        var one = list.Items.Single(n => n.Title.Contains(first));
        var two = list.Items.Single(n => n.Title.Contains(second));
        Assert.Equal($"/assignments/{assignment}", two.Link);
        Assert.False(one.Read);
        var count = await (await client.GetAsync("/api/notifications/count")).Read<System.Text.Json.JsonElement>();
        Assert.Equal(list.Unread, count.GetProperty("unread").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{one.Id}/read", null)).StatusCode);
        list = await Notifications(user);
        Assert.Equal(before.Unread + 1, list.Unread);
        Assert.True(list.Items.Single(n => n.Id == one.Id).Read);
        // Unread first.
        Assert.True(list.Items.FindIndex(n => n.Id == two.Id) < list.Items.FindIndex(n => n.Id == one.Id));

        // The page and the header badge.
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync(user);
        var html = await browser.Client.GetStringAsync("/notifications");
        Assert.Contains(second, html);
        Assert.Contains($"<span class=\"count\" aria-hidden=\"true\">{(list.Unread > 99 ? "99+" : list.Unread.ToString())}</span>", html);

        var all = await (await client.PostAsync("/api/notifications/read-all", null)).Read<System.Text.Json.JsonElement>();
        Assert.Equal(list.Unread, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await Notifications(user)).Unread);
        Assert.DoesNotContain("class=\"count\"", await browser.Client.GetStringAsync("/notifications"));
    }

    private async Task<HttpResponseMessage> Act(string user, Guid id, string action, Func<Guid, object> body)
    {
        var office = await app.ClientFor("vp.cv1");
        var stamp = (await (await office.GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>()).Row.ConcurrencyStamp;
        return await (await app.ClientFor(user)).PostJson($"/api/assignments/{id}/{action}", body(stamp));
    }

    [Fact]
    public async Task A_returned_report_a_decision_and_a_transfer_notify_the_units_at_once()
    {
        var (id, content) = await Assign("sogddt", NextWorkingDay(20), "Trả lại và gia hạn");
        Assert.Equal(HttpStatusCode.OK, (await Act("sogddt.daumoi", id, "receive", s => new { concurrencyStamp = s })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act("sogddt.daumoi", id, "reports", s => new
        {
            name = "Báo cáo kết quả", numberAndSymbol = "12/BC-SGDĐT", summary = "Kết quả", documentDate = Today, signerName = "Giám đốc Sở",
            idempotencyKey = Guid.NewGuid().ToString(), concurrencyStamp = s,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act("vp.cv1", id, "review", s => new { passed = false, reason = "Thiếu số liệu học kỳ I", concurrencyStamp = s })).StatusCode);
        var returned = (await Notifications("sogddt.lanhdao")).Items.Single(n => n.Kind == "Returned" && n.Title.Contains(content[..30]));
        Assert.Contains("Thiếu số liệu học kỳ I", returned.Body);

        var asked = await Act("sogddt.daumoi", id, "extensions", s => new { newDeadline = NextWorkingDay(30), reason = "Chờ số liệu", concurrencyStamp = s });
        var requestId = (await asked.Read<System.Text.Json.JsonElement>()).GetProperty("requestId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Act("vp.cv1", id, $"extensions/{requestId}/decision",
            s => new { approve = true, note = "Đồng ý", officeLeaderOverride = false, concurrencyStamp = s })).StatusCode);
        Assert.Contains((await Notifications("sogddt.daumoi")).Items, n => n.Kind == "Decision" && n.Title.StartsWith("Đồng ý gia hạn"));

        var soyt = await UnitId("soyt");
        Assert.Equal(HttpStatusCode.OK, (await Act("vp.cv1", id, "transfer",
            s => new { toUnitId = soyt, reason = "Đúng chức năng Sở Y tế", concurrencyStamp = s })).StatusCode);
        Assert.Contains((await Notifications("soyt.daumoi")).Items, n => n.Kind == "NewAssignment" && n.Link == $"/assignments/{id}");
    }

    [Fact]
    public async Task A_user_cannot_read_another_users_notifications()
    {
        var (_, content) = await Assign("sotp", NextWorkingDay(15), "Thông báo riêng");
        var theirs = (await Notifications("sotp.daumoi")).Items.Single(n => n.Title.Contains(content));

        var other = await app.ClientFor("sokhcn.daumoi");
        await (await other.PostAsync($"/api/notifications/{theirs.Id}/read", null)).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Notifications("sokhcn.daumoi")).Items, n => n.Id == theirs.Id);
        Assert.False((await Notifications("sotp.daumoi")).Items.Single(n => n.Id == theirs.Id).Read);
    }
}

public sealed class NotificationTests_Sqlite(SqliteNotificationsApp app) : NotificationTests<SqliteNotificationsApp>(app);
public sealed class NotificationTests_Postgres(PostgresNotificationsApp app) : NotificationTests<PostgresNotificationsApp>(app);
