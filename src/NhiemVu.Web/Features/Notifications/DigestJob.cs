using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Web.Features.Notifications;

/// <summary>
/// The morning digest: from <see cref="NotificationOptions.DigestHour"/> (local time) of each
/// working day, every focal officer and unit leader gets one digest of their unit (new since the
/// last digest, due soon, overdue, returned, decisions on its requests, no progress for
/// <see cref="NotificationOptions.StaleProgressDays"/> days), office staff get the review queue,
/// provincial leaders the assignments they direct that are overdue or due this week. Each user's
/// digest is inserted with a (user, date) <see cref="DigestRecord"/> in one transaction, so with
/// several instances the second insert fails and that instance skips the user.
/// </summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, IWorkingCalendar calendar,
    IOptions<NotificationOptions> options, IOptions<WorkflowOptions> workflow, ILogger<DigestJob> log)
{
    private static readonly AssignmentState[] Working = [AssignmentState.Assigned, AssignmentState.Received, AssignmentState.InProgress];
    private static readonly AssignmentEventKind[] Decisions =
    [
        AssignmentEventKind.ExtensionApproved, AssignmentEventKind.ExtensionRejected, AssignmentEventKind.RefusalAccepted,
        AssignmentEventKind.RefusalRejected, AssignmentEventKind.AdjustmentApproved, AssignmentEventKind.AdjustmentRejected,
    ];

    private sealed record Item(Guid Id, string Content, string Number, DateOnly? Deadline, DateTimeOffset? At);
    private sealed record Section(NotificationKind Kind, string Heading, int Count, IReadOnlyList<string> Lines);

    /// <summary>One tick of the scheduler: sends today's digests not yet sent, if it is time. Returns how many users got one.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var today = ProvinceTime.LocalDate(now);
        if (!calendar.IsWorkingDay(today) || ProvinceTime.LocalTime(now).Hour < o.DigestHour) return 0;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var done = (await db.DigestRecords.AsNoTracking().Where(r => r.LocalDate == today).Select(r => r.UserId).ToListAsync(ct)).ToHashSet();
        var roles = await (from ur in db.Set<IdentityUserRole<Guid>>()
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id
                           where !u.IsDisabled
                           select new { u.Id, u.UnitId, u.Email, Role = r.Name! }).ToListAsync(ct);
        var users = roles.GroupBy(x => x.Id).Where(g => !done.Contains(g.Key))
            .Select(g => (Id: g.Key, g.First().UnitId, g.First().Email, Roles: g.Select(x => x.Role).ToHashSet())).ToList();
        if (users.Count == 0) return 0;
        var lastDigest = await db.DigestRecords.AsNoTracking().GroupBy(r => r.UserId)
            .Select(g => new { g.Key, At = g.Max(r => r.CreatedAtUtc) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var prefs = await db.NotificationPreferences.AsNoTracking().ToListAsync(ct);

        var unitCache = new Dictionary<(Guid, DateTimeOffset), List<Section>>();
        List<Section>? office = null;
        var sentCount = 0;
        foreach (var u in users)
        {
            var since = lastDigest.TryGetValue(u.Id, out var at) ? at : now.AddDays(-1);
            var sections = new List<Section>();
            if (u.Roles.Contains(Roles.FocalOfficer) || u.Roles.Contains(Roles.UnitLeader))
            {
                if (!unitCache.TryGetValue((u.UnitId, since), out var s))
                    unitCache[(u.UnitId, since)] = s = await UnitSectionsAsync(db, u.UnitId, since, now, today, ct);
                sections.AddRange(s);
            }
            if (u.Roles.Contains(Roles.OfficeSpecialist) || u.Roles.Contains(Roles.OfficeLeader))
                sections.AddRange(office ??= await OfficeSectionsAsync(db, ct));
            if (u.Roles.Contains(Roles.ProvincialLeader))
                sections.AddRange(await LeaderSectionsAsync(db, u.Id, today, ct));

            var hasEmail = !string.IsNullOrWhiteSpace(u.Email);
            var inApp = sections.Where(s => NotificationKinds.Effective(prefs, u.Id, s.Kind, hasEmail).InApp).ToList();
            var email = sections.Where(s => NotificationKinds.Effective(prefs, u.Id, s.Kind, hasEmail).Email).ToList();

            db.DigestRecords.Add(new DigestRecord { UserId = u.Id, LocalDate = today, CreatedAtUtc = now });
            var title = $"Bản tin nhiệm vụ ngày {today:dd/MM/yyyy}";
            if (inApp.Count > 0)
                NotificationWriter.Write(db, now, u.Id, u.Email, true, false, NotificationKind.Digest, Title(title, inApp), Render(inApp), "/assignments", o.BaseUrl);
            if (email.Count > 0)
                NotificationWriter.Write(db, now, u.Id, u.Email, false, true, NotificationKind.Digest, Title(title, email), Render(email), "/notifications", o.BaseUrl);
            try
            {
                await db.SaveChangesAsync(ct);
                if (inApp.Count + email.Count > 0) sentCount++;
            }
            catch (DbUpdateException)
            {
                // Another instance sent this user's digest for today first: nothing of ours was written.
                log.LogDebug("Digest of {User} for {Date} already written by another instance", u.Id, today);
            }
            db.ChangeTracker.Clear();
        }
        return sentCount;
    }

    private static string Title(string title, List<Section> sections)
    {
        var parts = sections.Where(s => s.Kind is NotificationKind.Overdue or NotificationKind.DueSoon or NotificationKind.NewAssignment && s.Count > 0)
            .Select(s => $"{s.Count} {Short(s.Kind)}").ToList();
        return parts.Count == 0 ? title : $"{title}: {string.Join(", ", parts)}";
        static string Short(NotificationKind k) => k switch
        {
            NotificationKind.Overdue => "quá hạn",
            NotificationKind.DueSoon => "sắp đến hạn",
            _ => "mới",
        };
    }

    private static string Render(List<Section> sections)
    {
        var sb = new StringBuilder();
        foreach (var s in sections)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(s.Heading).Append(" (").Append(s.Count).Append("):\n");
            foreach (var line in s.Lines) sb.Append("- ").Append(line).Append('\n');
            if (s.Count > s.Lines.Count) sb.Append("- … và ").Append(s.Count - s.Lines.Count).Append(" mục khác\n");
        }
        return sb.ToString().TrimEnd();
    }

    private static string Line(Item i, string? suffix = null) =>
        $"{(i.Deadline is { } d ? $"[hạn {d:dd/MM/yyyy}] " : "")}{i.Number} — {NotificationInterceptor.Short(i.Content)}{suffix}";

    private IQueryable<Item> Items(AppDbContext db, IQueryable<Assignment> a) =>
        from x in a
        join t in db.Tasks on x.TaskId equals t.Id
        join d in db.Documents on t.DocumentId equals d.Id
        select new Item(x.Id, t.Content, d.NumberAndSymbol, x.Deadline, x.LastProgressAtUtc);

    private async Task<Section?> SectionAsync(AppDbContext db, NotificationKind kind, string heading, IQueryable<Assignment> q,
        Func<Item, string> line, CancellationToken ct)
    {
        var count = await q.CountAsync(ct);
        if (count == 0) return null;
        var items = await Items(db, q.OrderBy(x => x.Deadline).ThenBy(x => x.AssignedAtUtc)).Take(options.Value.DigestListLimit).ToListAsync(ct);
        return new Section(kind, heading, count, items.Select(line).ToList());
    }

    private async Task<List<Section>> UnitSectionsAsync(AppDbContext db, Guid unit, DateTimeOffset since, DateTimeOffset now, DateOnly today,
        CancellationToken ct)
    {
        var mine = db.Assignments.AsNoTracking().Where(a => a.LeadUnitId == unit);
        var soon = calendar.AddWorkingDays(today, workflow.Value.DueSoonWorkingDays);
        var newIds = db.AssignmentEvents.Where(e => e.AtUtc > since
            && (e.Kind == AssignmentEventKind.Assigned && e.LeadUnitId == unit || e.Kind == AssignmentEventKind.Transferred && e.ToUnitId == unit))
            .Select(e => e.AssignmentId);
        var decided = db.AssignmentEvents.Where(e => e.AtUtc > since && e.LeadUnitId == unit && Decisions.Contains(e.Kind)).Select(e => e.AssignmentId);
        var list = new List<Section?>
        {
            await SectionAsync(db, NotificationKind.NewAssignment, "Nhiệm vụ mới được giao", mine.Where(a => newIds.Contains(a.Id) && a.State != AssignmentState.Cancelled),
                i => Line(i), ct),
            await SectionAsync(db, NotificationKind.Overdue, "Nhiệm vụ quá hạn", mine.Where(a => Working.Contains(a.State) && a.Deadline < today),
                i => Line(i, $" (quá {today.DayNumber - i.Deadline!.Value.DayNumber} ngày)"), ct),
            await SectionAsync(db, NotificationKind.DueSoon, "Nhiệm vụ sắp đến hạn",
                mine.Where(a => Working.Contains(a.State) && a.Deadline >= today && a.Deadline <= soon), i => Line(i), ct),
            await SectionAsync(db, NotificationKind.Returned, "Báo cáo bị trả lại, cần hoàn thiện",
                mine.Where(a => a.State == AssignmentState.InProgress && db.AssignmentReports.Where(r => r.AssignmentId == a.Id)
                    .OrderByDescending(r => r.SubmittedAtUtc).Select(r => (AssignmentReportStatus?)r.Status).FirstOrDefault() == AssignmentReportStatus.NotPassed),
                i => Line(i), ct),
            await SectionAsync(db, NotificationKind.Decision, "Văn phòng đã quyết định về đề nghị của đơn vị", mine.Where(a => decided.Contains(a.Id)),
                i => Line(i), ct),
            await SectionAsync(db, NotificationKind.StaleProgress, $"Nhiệm vụ chưa cập nhật tiến độ từ {options.Value.StaleProgressDays} ngày trở lên",
                mine.Where(StaleProgressQuery.Predicate(now, options.Value.StaleProgressDays)),
                i => Line(i, i.At is { } p ? $" (cập nhật lần cuối {ProvinceTime.LocalDate(p):dd/MM/yyyy})" : " (chưa cập nhật lần nào)"), ct),
        };
        return list.OfType<Section>().ToList();
    }

    private async Task<List<Section>> OfficeSectionsAsync(AppDbContext db, CancellationToken ct)
    {
        var limit = options.Value.DigestListLimit;
        var reports = db.AssignmentReports.AsNoTracking().Where(r => r.Status == AssignmentReportStatus.Pending);
        var requests = db.AssignmentRequests.AsNoTracking().Where(r => r.Status == AssignmentRequestStatus.Pending);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var result = new List<Section>();
        var reportCount = await reports.CountAsync(ct);
        if (reportCount > 0)
        {
            var oldest = await (from r in reports
                                join a in db.Assignments on r.AssignmentId equals a.Id
                                join t in db.Tasks on a.TaskId equals t.Id
                                orderby r.SubmittedAtUtc
                                select new { r.SubmittedAtUtc, a.LeadUnitId, t.Content }).Take(limit).ToListAsync(ct);
            result.Add(new Section(NotificationKind.OfficeSummary, "Báo cáo chờ xác nhận", reportCount, oldest.Select(x =>
                $"từ {ProvinceTime.ToLocal(x.SubmittedAtUtc):dd/MM/yyyy HH:mm} — {units.GetValueOrDefault(x.LeadUnitId, "?")}: {NotificationInterceptor.Short(x.Content)}").ToList()));
        }
        var requestCount = await requests.CountAsync(ct);
        if (requestCount > 0)
        {
            var oldest = await (from r in requests
                                join a in db.Assignments on r.AssignmentId equals a.Id
                                join t in db.Tasks on a.TaskId equals t.Id
                                orderby r.RequestedAtUtc
                                select new { r.RequestedAtUtc, r.Kind, a.LeadUnitId, t.Content }).Take(limit).ToListAsync(ct);
            result.Add(new Section(NotificationKind.OfficeSummary, "Đề nghị chờ quyết định", requestCount, oldest.Select(x =>
                $"từ {ProvinceTime.ToLocal(x.RequestedAtUtc):dd/MM/yyyy HH:mm} — {Labels.Vi(x.Kind)} — {units.GetValueOrDefault(x.LeadUnitId, "?")}: {NotificationInterceptor.Short(x.Content)}").ToList()));
        }
        return result;
    }

    private async Task<List<Section>> LeaderSectionsAsync(AppDbContext db, Guid leader, DateOnly today, CancellationToken ct)
    {
        var directed = from a in db.Assignments.AsNoTracking()
                       join t in db.Tasks on a.TaskId equals t.Id
                       where t.DirectingLeaderId == leader && Working.Contains(a.State)
                       select a;
        var endOfWeek = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var unitOf = await directed.Select(a => new { a.Id, a.LeadUnitId }).ToDictionaryAsync(x => x.Id, x => x.LeadUnitId, ct);
        string Unit(Item i) => units.GetValueOrDefault(unitOf.GetValueOrDefault(i.Id), "?");
        var list = new List<Section?>
        {
            await SectionAsync(db, NotificationKind.LeaderSummary, "Nhiệm vụ do đồng chí chỉ đạo đã quá hạn", directed.Where(a => a.Deadline < today),
                i => $"{Unit(i)}: {Line(i, $" (quá {today.DayNumber - i.Deadline!.Value.DayNumber} ngày)")}", ct),
            await SectionAsync(db, NotificationKind.LeaderSummary, "Nhiệm vụ do đồng chí chỉ đạo đến hạn trong tuần",
                directed.Where(a => a.Deadline >= today && a.Deadline <= endOfWeek), i => $"{Unit(i)}: {Line(i)}", ct),
        };
        return list.OfType<Section>().ToList();
    }
}

/// <summary>The thin background loop: every <see cref="NotificationOptions.PollSeconds"/>, one digest tick and one outbox round.</summary>
public sealed class NotificationWorker(DigestJob digest, OutboxSender outbox, TimeProvider clock, IOptions<NotificationOptions> options,
    ILogger<NotificationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(period, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                await digest.RunOnceAsync(stoppingToken);
                await outbox.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Notification round failed; trying again in {Period}", period);
            }
        }
    }
}
