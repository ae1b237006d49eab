using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>Settings of the workflow (appsettings "Workflow").</summary>
public sealed class WorkflowOptions
{
    /// <summary>Sắp đến hạn: deadline within this many working days.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>
    /// A list — a text search (q=) or not, filtered or not, Mine or not — counts at most this many rows
    /// (or one past the current page, whichever is more): above it the list's total is a lower bound
    /// ("Hơn 1.000 kết quả", <c>totalIsLowerBound</c>), so a list costs what its page costs, not what
    /// the size of its filtered set costs. The inbox's counts are bounded by it too (each at most this + 1,
    /// "Hơn 1.000"). Lowered in tests.
    /// </summary>
    public int SearchCountLimit { get; set; } = 1000;
}

/// <summary>
/// Assignments: lists, the inbox, the assignment page and every transition, shared by
/// /api/assignments and the Razor pages. Authorization is checked here, per assignment, by
/// <see cref="AssignmentPolicy"/>; state legality by the aggregate.
/// </summary>
public sealed class AssignmentHandlers(AppDbContext db, TimeProvider clock, IWorkingCalendar calendar, WorkflowUser user,
    Microsoft.Extensions.Options.IOptions<WorkflowOptions> options, LockWindows.LockWindowService locks,
    Microsoft.Extensions.Options.IOptions<Notifications.NotificationOptions> notifications, Infrastructure.Caching.NameCache names)
{
    /// <summary>
    /// What a unit may not post during a lock window before a briefing meeting (seed 003): progress,
    /// reports, requests, explanations, contributions. Receiving is an acknowledgement and stays open;
    /// the office's own operations are never locked.
    /// </summary>
    private static readonly HashSet<AssignmentOperation> LockedDuringBriefing =
    [
        AssignmentOperation.Progress, AssignmentOperation.Report, AssignmentOperation.WithdrawReport,
        AssignmentOperation.RequestExtension, AssignmentOperation.Refuse, AssignmentOperation.Explain,
        AssignmentOperation.RequestAdjustment, AssignmentOperation.Contribute,
    ];

    private readonly int _dueSoonDays = options.Value.DueSoonWorkingDays;
    private readonly int _staleDays = notifications.Value.StaleProgressDays;
    private readonly int _searchCountLimit = Math.Max(1, options.Value.SearchCountLimit);

    /// <summary>The lists' usual count bound (the limit + 1), written into the SQL (<see cref="PlannedPaging"/>).</summary>
    private int DefaultCap => (int)Math.Min(int.MaxValue - 1, (long)_searchCountLimit) + 1;

    // ------------------------------------------------------------------------------------ reading

    public async Task<PagedResult<AssignmentRow>> ListAsync(AssignmentQuery q)
    {
        var me = await user.GetAsync();
        var today = ProvinceTime.Today(clock);
        var page = Math.Max(1, q.Page);
        var size = Math.Clamp(q.PageSize, 1, 200);
        // Filters and order read the assignments' own columns (the task's field and leader, the
        // class and the sort key are stored there), so the count and the page are one index range
        // each; the task and document are joined for the page's rows only.
        var rows = Filter(Visible(me, q.Mine), q, today);
        // Every list counts at most the bound (or one row past the current page, whichever is more:
        // "next page" stays right): a province's filtered list holds tens of thousands of assignments,
        // and counting them all was most of a list's database time. Above it the total is a lower bound.
        var cap = (int)Math.Min(int.MaxValue - 1, Math.Max(_searchCountLimit, (long)page * size)) + 1;
        var unitView = q.Mine || (!me.SeesAll && me.IsUnitMember);
        int total;
        var text = TextFold.Fold(q.Q);
        if (text.Length == 0)
            // A unit member's whole list (led ∪ cooperating) is counted as its two disjoint index ranges:
            // the OR of Visible cannot drive an index, and a bounded count of it would walk the province.
            total = !q.Mine && unitView
                ? await UnitCountAsync(me, q, today, r => r, cap)
                : await rows.UpTo(cap, DefaultCap).CountAsync();
        else
        {
            // Text search: few matches (all counted): the matching tasks first, then their assignments,
            // sorted. Many: walk the list's sort index and probe each row's task — the page then costs
            // about (page end) ÷ (share of matches), not the number of matches.
            total = unitView
                ? await UnitCountAsync(me, q, today, r => TaskSearch.MatchedByProbe(db, r, text), cap)
                : await TaskSearch.MatchedForCount(db, rows, text).UpTo(cap, DefaultCap).CountAsync();
        }
        var lowerBound = total >= cap;
        // A search's page: a unit's view (Mine, or a unit member's list) probes too: its own index range bounds
        // the walk, whereas the set of the term's matches grows with the province.
        Func<IQueryable<Assignment>, IQueryable<Assignment>> matched = text.Length == 0 ? r => r
            : lowerBound || unitView ? r => TaskSearch.MatchedByProbe(db, r, text)
            : r => TaskSearch.MatchedBySet(db, r, text);
        // A unit member's search as its two disjoint index-driven parts (see UnitCountAsync), instead of filtering
        // the province's matches. Its plain list (no q) keeps Visible's OR: the province's sort index walked until
        // the page is full (≈ page end ÷ the unit's share); the two parts would read all of a big unit's rows
        // (the id tie-break keeps PostgreSQL from merging the ordered parts: measured 12–100 ms vs 2–4 ms at M).
        rows = text.Length > 0 && !q.Mine && unitView
            ? UnitParts(me, q, today, matched)
            : matched(rows);
        var ordered = q.Sort switch
        {
            AssignmentSort.DeadlineDesc => rows.OrderBy(x => x.Deadline == null).ThenByDescending(x => x.Deadline).ThenByDescending(x => x.AssignedAtUtc),
            AssignmentSort.AssignedNewest => rows.OrderByDescending(x => x.AssignedAtUtc).ThenBy(x => x.Id),
            AssignmentSort.AssignedOldest => rows.OrderBy(x => x.AssignedAtUtc).ThenBy(x => x.Id),
            // = deadline first, none last, then assignment time (DueOrder is the deadline or 9999-12-31).
            _ => rows.OrderBy(x => EF.Property<DateOnly>(x, WorkflowColumns.DueOrder)).ThenBy(x => x.AssignedAtUtc),
        };
        // The assignments of one task share their deadline and assignment time, and a list's pages may come
        // from different plans (a search's two shapes; a unit's two parts; a top-N sort whose ties depend on the
        // LIMIT): the id breaks the tie, so the pages neither repeat nor skip a row.
        if (q.Sort is not (AssignmentSort.AssignedNewest or AssignmentSort.AssignedOldest)) ordered = ordered.ThenBy(x => x.Id);
        var pageIds = ordered.PageOf((page - 1) * size, size).Select(x => x.Id);
        var items = await (from a in db.Assignments.AsNoTracking()
                           where pageIds.Contains(a.Id)
                           join t in db.Tasks on a.TaskId equals t.Id
                           join d in db.Documents on t.DocumentId equals d.Id
                           select new RowData(a, t.Content, t.DirectingLeaderId, t.FieldId, t.DocumentId, d.NumberAndSymbol, d.Summary,
                               EF.Property<DateOnly?>(a, WorkflowColumns.SubmittedLocalDate), EF.Property<bool>(a, WorkflowColumns.Returned),
                               t.Recurrence))
            .ToListAsync();
        IEnumerable<RowData> sorted = q.Sort switch
        {
            AssignmentSort.DeadlineDesc => items.OrderBy(x => x.A.Deadline == null).ThenByDescending(x => x.A.Deadline).ThenByDescending(x => x.A.AssignedAtUtc),
            AssignmentSort.AssignedNewest => items.OrderByDescending(x => x.A.AssignedAtUtc).ThenBy(x => x.A.Id),
            AssignmentSort.AssignedOldest => items.OrderBy(x => x.A.AssignedAtUtc).ThenBy(x => x.A.Id),
            _ => items.OrderBy(x => x.A.Deadline ?? DateOnly.MaxValue).ThenBy(x => x.A.AssignedAtUtc),
        };
        if (q.Sort is not (AssignmentSort.AssignedNewest or AssignmentSort.AssignedOldest))
            // The databases order uuids as their canonical text (PostgreSQL bytes, SQLite upper-case TEXT).
            sorted = ((IOrderedEnumerable<RowData>)sorted).ThenBy(x => x.A.Id.ToString(), StringComparer.OrdinalIgnoreCase);
        return new PagedResult<AssignmentRow>(await ToRowsAsync(sorted.ToList(), today), total, page, size, lowerBound);
    }

    /// <summary>
    /// The bounded count of a unit's view (Mine, or a unit member's whole list), each row kept by
    /// <paramref name="matched"/> (a search's probe of the task text, or every row): the unit's own
    /// assignments (its index range), then — not for Mine — those of tasks it cooperates on that it does
    /// not lead (the same rows as <see cref="Visible"/>, split in two disjoint index-driven parts: the OR
    /// cannot drive an index, and streaming a term's matches province-wide to keep the unit's few reads
    /// most of them).
    /// </summary>
    private async Task<int> UnitCountAsync(UserScope me, AssignmentQuery q, DateOnly today,
        Func<IQueryable<Assignment>, IQueryable<Assignment>> matched, int cap)
    {
        var n = await matched(Filter(Led(me), q, today)).UpTo(cap, DefaultCap).CountAsync();
        if (q.Mine || n >= cap) return n;
        return n + await matched(Filter(CooperatingNotLed(me), q, today)).Take(cap - n).CountAsync();
    }

    private IQueryable<Assignment> Led(UserScope me)
    {
        var unit = me.UnitId;
        return db.Assignments.AsNoTracking().Where(x => x.LeadUnitId == unit);
    }

    private IQueryable<Assignment> CooperatingNotLed(UserScope me)
    {
        var unit = me.UnitId;
        var coopTasks = db.TaskCooperatingUnits.Where(c => c.UnitId == unit).Select(c => c.DirectiveTaskId);
        return db.Assignments.AsNoTracking().Where(x => x.LeadUnitId != unit && coopTasks.Contains(x.TaskId));
    }

    /// <summary>A unit member's visible rows (<see cref="Visible"/>) as led ∪ cooperating-not-led, each filtered and matched.</summary>
    private IQueryable<Assignment> UnitParts(UserScope me, AssignmentQuery q, DateOnly today, Func<IQueryable<Assignment>, IQueryable<Assignment>> matched) =>
        matched(Filter(Led(me), q, today)).Concat(matched(Filter(CooperatingNotLed(me), q, today)));

    /// <summary>
    /// The counts on top of a unit's inbox, each exact up to the lists' bound and the bound + 1 flagged above it
    /// (<see cref="InboxCounts"/>), so the busiest unit's badges cost what a typical unit's do. A unit with fewer open
    /// assignments than <see cref="OnePassFactor"/> × (bound + 1) is counted in one pass over them
    /// (<see cref="CompiledQueries.InboxOpen"/>: one index range read once, cheaper than five ranges of nearly the same
    /// rows); a bigger one by five bounded counts, an index range each (<see cref="CompiledQueries.Inbox"/>), and it goes
    /// straight there for <see cref="BigInboxMemory"/>. Stale progress through its one definition; compiled queries.
    /// </summary>
    public async Task<InboxCounts> InboxCountsAsync()
    {
        var me = await user.GetAsync();
        var today = ProvinceTime.Today(clock);
        var soon = calendar.AddWorkingDays(today, _dueSoonDays);
        var now = clock.GetUtcNow();
        var threshold = Domain.Time.StaleProgress.Threshold(now, _staleDays);
        var cap = (int)Math.Min(int.MaxValue, (long)_searchCountLimit + 1);
        var queries = CompiledQueries.For(db);
        if (!(queries.BigInboxUntil.TryGetValue(me.UnitId, out var until) && now < until))
        {
            var onePass = (int)Math.Min(int.MaxValue, (long)cap * OnePassFactor);
            var open = await queries.InboxOpen(db, me.UnitId, today, soon, threshold, onePass);
            if (open is null) return new InboxCounts(0, 0, 0, 0);
            if (open.Open < onePass)
            {
                // All the unit's open assignments were read: exact counts, cut at the cap as the bounded ones are.
                queries.BigInboxUntil.TryRemove(me.UnitId, out _);
                return InboxCounts.Of(new InboxTally(Math.Min(open.NotReceived, cap), Math.Min(open.Overdue, cap), Math.Min(open.DueSoon, cap),
                    Math.Min(open.Returned, cap), Math.Min(open.Stale, cap)), cap);
            }
            queries.BigInboxUntil[me.UnitId] = now + BigInboxMemory;
        }
        var t = await queries.Inbox(db, me.UnitId, today, soon, threshold, cap);
        return t is null ? new InboxCounts(0, 0, 0, 0) : InboxCounts.Of(t, cap);
    }

    /// <summary>One pass reads at most this many times the cap (the five bounded counts' own worst case).</summary>
    private const int OnePassFactor = 5;

    /// <summary>How long a unit found too big for one pass goes straight to the bounded counts.</summary>
    private static readonly TimeSpan BigInboxMemory = TimeSpan.FromMinutes(10);

    private sealed record RowData(Assignment A, string Content, Guid LeaderId, Guid? FieldId, Guid DocumentId, string Number, string Summary,
        DateOnly? SubmittedLocal, bool Returned, Recurrence Recurrence);

    private IQueryable<Assignment> Visible(UserScope me, bool mine)
    {
        var a = db.Assignments.AsNoTracking();
        if (mine) a = a.Where(x => x.LeadUnitId == me.UnitId);
        else if (!me.SeesAll)
        {
            if (!me.IsUnitMember) a = a.Where(x => false);
            else
            {
                var unit = me.UnitId;
                a = a.Where(x => x.LeadUnitId == unit || db.TaskCooperatingUnits.Any(c => c.DirectiveTaskId == x.TaskId && c.UnitId == unit));
            }
        }
        return a;
    }

    private IQueryable<Assignment> Filter(IQueryable<Assignment> rows, AssignmentQuery q, DateOnly today)
    {
        if (q.UnitId is { } unit) rows = rows.Where(x => x.LeadUnitId == unit);
        if (q.State is { } state) rows = rows.Where(x => x.State == state);
        if (q.DeadlineFrom is { } from) rows = rows.Where(x => x.Deadline >= from);
        if (q.DeadlineTo is { } to) rows = rows.Where(x => x.Deadline <= to);
        if (q.LeaderId is { } leader) rows = rows.Where(x => EF.Property<Guid>(x, WorkflowColumns.DirectingLeaderId) == leader);
        if (q.FieldId is { } field) rows = rows.Where(x => EF.Property<Guid?>(x, WorkflowColumns.FieldId) == field);
        if (q.DocumentId is { } doc) rows = rows.Where(x => db.Tasks.Where(t => t.DocumentId == doc).Select(t => t.Id).Contains(x.TaskId));
        if (q.Nature is { } nature) rows = rows.Where(x => db.Tasks.Where(t => t.Nature == nature).Select(t => t.Id).Contains(x.TaskId));
        // The text (q) is applied by ListAsync, in the shape the count and the page each need.

        if (q.Class is { } cls)
        {
            var open = ListClass.Open;
            rows = cls switch
            {
                AssignmentClass.InProgressWithinDeadline => rows.Where(x => EF.Property<ListClass?>(x, WorkflowColumns.ListClass) == open
                    && EF.Property<DateOnly>(x, WorkflowColumns.DueOrder) >= today),
                AssignmentClass.InProgressOverdue => rows.Where(x => EF.Property<ListClass?>(x, WorkflowColumns.ListClass) == open
                    && EF.Property<DateOnly>(x, WorkflowColumns.DueOrder) < today),
                _ => WithClass(rows, (ListClass)(int)cls),
            };
        }
        if (q.Flag is { } flag)
        {
            var soon = calendar.AddWorkingDays(today, _dueSoonDays);
            var working = new[] { AssignmentState.Assigned, AssignmentState.Received, AssignmentState.InProgress };
            rows = flag switch
            {
                AssignmentFlag.NotReceived => rows.Where(x => x.State == AssignmentState.Assigned && !x.AwaitingReassignment),
                AssignmentFlag.Overdue => rows.Where(x => working.Contains(x.State) && x.Deadline < today),
                AssignmentFlag.DueSoon => rows.Where(x => working.Contains(x.State) && x.Deadline >= today && x.Deadline <= soon),
                AssignmentFlag.AwaitingReview => rows.Where(x => x.State == AssignmentState.AwaitingReview),
                AssignmentFlag.Stale => rows.Where(StaleProgressQuery.Predicate(clock.GetUtcNow(), _staleDays)),
                _ => rows.Where(x => EF.Property<bool>(x, WorkflowColumns.Returned)),
            };
        }
        return rows;
    }

    private static IQueryable<Assignment> WithClass(IQueryable<Assignment> rows, ListClass c) =>
        rows.Where(x => EF.Property<ListClass?>(x, WorkflowColumns.ListClass) == c);

    private async Task<IReadOnlyList<AssignmentRow>> ToRowsAsync(List<RowData> items, DateOnly today)
    {
        var units = await UnitNamesAsync();
        var people = await names.UserNamesAsync(db);
        return items.Select(i => ToRow(i.A, i.Content, i.LeaderId, i.FieldId, i.DocumentId, i.Number, i.Summary, i.SubmittedLocal, i.Returned,
            today, units, people, i.Recurrence)).ToList();
    }

    private AssignmentRow ToRow(Assignment a, string content, Guid leaderId, Guid? fieldId, Guid documentId, string number, string summary,
        DateOnly? submittedLocal, bool returned, DateOnly today, IReadOnlyDictionary<Guid, string> units, IReadOnlyDictionary<Guid, string> people,
        Recurrence recurrence = Recurrence.None)
    {
        AssignmentClass? cls = null;
        var awaiting = a.State == AssignmentState.AwaitingReview;
        int? left = null, overdue = null;
        var dueSoon = false;
        if (a.State != AssignmentState.Cancelled)
        {
            if (a.Deadline is not { } d) cls = AssignmentClass.NoDeadline;
            else if (submittedLocal is { } s) cls = Classifier.CompletionClass(s, d);
            else
            {
                cls = today <= d ? AssignmentClass.InProgressWithinDeadline : AssignmentClass.InProgressOverdue;
                left = DeadlineMath.WorkingDaysLeft(today, d, calendar);
                overdue = DeadlineMath.DaysOverdue(today, d);
                dueSoon = cls == AssignmentClass.InProgressWithinDeadline && DeadlineMath.IsDueSoon(today, d, calendar, _dueSoonDays);
            }
        }
        return new AssignmentRow(a.Id, a.TaskId, documentId, number, summary, content, a.LeadUnitId, units.GetValueOrDefault(a.LeadUnitId, "?"),
            a.State, a.OriginalDeadline, a.Deadline, cls, awaiting, dueSoon, returned, left, overdue, leaderId, people.GetValueOrDefault(leaderId, "?"),
            fieldId, a.AssignedAtUtc, a.ReceivedAtUtc, a.LastProgressAtUtc, a.LastProgressText, a.LastProgressPercent, a.ConcurrencyStamp,
            StaleOf(a, out var staleDays), staleDays,
            a.Period, a.Period is { } period && recurrence != Recurrence.None ? Domain.Time.RecurrenceSchedule.Label(recurrence, period) : null);
    }

    /// <summary>Stale progress (Domain.Time.StaleProgress) now, and the days since the last sign of life when it is.</summary>
    private bool StaleOf(Assignment a, out int? days)
    {
        var now = clock.GetUtcNow();
        var stale = Domain.Time.StaleProgress.IsStale(a.State, a.LastProgressAtUtc, a.ReceivedAtUtc, a.AssignedAtUtc, now, _staleDays);
        days = stale ? Domain.Time.StaleProgress.DaysSince(a.LastProgressAtUtc, a.ReceivedAtUtc, a.AssignedAtUtc, now) : null;
        return stale;
    }

    public async Task<AssignmentDetail> GetAsync(Guid id)
    {
        var me = await user.GetAsync();
        // Three round trips, compiled queries (CompiledQueries): the aggregate with its (few) events, reports and
        // requests in one query; task, document, field name and cooperating units in one; the contributions.
        // Names come from the per-instance cache.
        var queries = CompiledQueries.For(db);
        var a = await queries.Aggregate(db, id) ?? throw new NotFoundException("Không tìm thấy nhiệm vụ.");
        var td = await queries.TaskAndDocument(db, a.TaskId);
        var task = td.Task;
        var doc = td.Doc;
        var coop = task.CooperatingUnits.Select(c => c.UnitId).ToList();
        AssignmentPolicy.Demand(me, a.LeadUnitId, coop, AssignmentOperation.View);
        var contributions = new List<AssignmentContribution>();
        await foreach (var contribution in queries.Contributions(db, id)) contributions.Add(contribution);

        var now = clock.GetUtcNow();
        var today = ProvinceTime.LocalDate(now);
        var units = await UnitNamesAsync();
        var people = await names.UserNamesAsync(db);

        // The class at "now", from the events (the same rule every report uses).
        var c = Classifier.Classify(a.Events, now);
        var submitted = c.DecidingSubmissionAtUtc is { } at ? ProvinceTime.LocalDate(at) : (DateOnly?)null;
        var returned = a.State == AssignmentState.InProgress
            && a.Reports.OrderByDescending(r => r.SubmittedAtUtc).FirstOrDefault()?.Status == AssignmentReportStatus.NotPassed;
        var row = ToRow(a, task.Content, task.DirectingLeaderId, task.FieldId, doc.Id, doc.NumberAndSymbol, doc.Summary, submitted, returned,
            today, units, people, task.Recurrence);

        var fieldName = td.FieldName;
        var docBrief = new DocumentBrief(doc.Id, doc.Source, doc.Kind, doc.NumberAndSymbol, doc.Summary, doc.IssueDate,
            people.GetValueOrDefault(doc.DirectingLeaderId, "?"), doc.SignerName, doc.Urgency, doc.Secrecy);
        var taskBrief = new TaskBrief(task.Id, task.Content, task.Deadline, task.Nature, task.Programme, task.ProgrammeQuarter, fieldName,
            people.GetValueOrDefault(task.DirectingLeaderId, "?"),
            task.FollowUpSpecialistId is { } fu ? people.GetValueOrDefault(fu) : null, task.IsPublic,
            coop.Select(u => new UnitRef(u, units.GetValueOrDefault(u, "?"))).ToList(),
            task.Recurrence, task.RecurrenceDay, task.RecurrenceUntil, task.DeadlineWorkingDays, task.NoDeadlineReason);

        var deadlines = a.Events.Where(e => e.NewDeadline is not null || e.OldDeadline is not null && e.Kind != AssignmentEventKind.ExtensionRequested
                                            && e.Kind != AssignmentEventKind.AdjustmentRequested)
            .Where(e => e.Kind is AssignmentEventKind.Assigned or AssignmentEventKind.ExtensionApproved or AssignmentEventKind.AdjustmentApproved
                or AssignmentEventKind.Transferred)
            .Select(e => new DeadlineChange(e.AtUtc, e.OldDeadline, e.NewDeadline, e.Kind, e.CountsAsExtension, e.IsOverride, e.OverrideReason))
            .ToList();

        var timeline = a.Events.OrderBy(e => e.Sequence).Select(e => new TimelineItem(e.AtUtc, e.Sequence, e.Kind.ToString(), Labels.Vi(e.Kind),
                people.GetValueOrDefault(e.ActorUserId, "?"), e.ActorUnitId is { } u ? units.GetValueOrDefault(u) : null,
                Describe(e, units), e.Percent, false))
            .Concat(contributions.Select(x => new TimelineItem(x.AtUtc, null, "Contribution", "Đơn vị phối hợp cập nhật",
                people.GetValueOrDefault(x.UserId, "?"), units.GetValueOrDefault(x.UnitId), x.Text, x.Percent, true)))
            .OrderBy(t => t.AtUtc).ThenBy(t => t.Sequence ?? int.MaxValue).ToList();

        var reports = a.Reports.OrderBy(r => r.SubmittedAtUtc).Select(r => new ReportView(r.Id, r.Name, r.NumberAndSymbol, r.Summary, r.DocumentDate,
            r.SignerName, r.SubmittedAtUtc, people.GetValueOrDefault(r.SubmittedByUserId, "?"), r.Status, r.DecidedAtUtc, r.ReviewReason)).ToList();
        var requests = a.Requests.OrderBy(r => r.RequestedAtUtc).Select(r => new RequestView(r.Id, r.Kind, r.AdjustmentKind, r.Reason,
            r.ProposedDeadline, r.RequestedAtUtc, people.GetValueOrDefault(r.RequestedByUserId, "?"), r.Status, r.DecidedAtUtc, r.DecisionNote,
            r.ApprovedDeadline, r.IsOverride, r.OverrideReason)).ToList();

        return new AssignmentDetail(row, docBrief, taskBrief, a.ApprovedExtensionCount, a.AwaitingReassignment, a.Explanation, a.ExplainedAtUtc,
            a.UrgeCount, a.PendingReportId, deadlines, timeline, reports, requests, AssignmentPolicy.ActionsNow(me, a, coop));
    }

    private static string? Describe(AssignmentEvent e, IReadOnlyDictionary<Guid, string> units) => e.Kind switch
    {
        AssignmentEventKind.Transferred => $"{units.GetValueOrDefault(e.FromUnitId ?? Guid.Empty, "?")} → {units.GetValueOrDefault(e.ToUnitId ?? Guid.Empty, "?")}"
                                           + (e.Text is null ? "" : $": {e.Text}"),
        AssignmentEventKind.ExtensionApproved or AssignmentEventKind.AdjustmentApproved when e.NewDeadline is not null =>
            $"Thời hạn {Labels.Date(e.OldDeadline)} → {Labels.Date(e.NewDeadline)}" + (e.IsOverride ? $" (ngoại lệ: {e.OverrideReason})" : "")
            + (e.Text is null ? "" : $". {e.Text}"),
        AssignmentEventKind.Assigned => e.NewDeadline is { } d ? $"Thời hạn {Labels.Date(d)}" : "Không có thời hạn",
        _ => e.Text,
    };

    // ------------------------------------------------------------------------------------ transitions

    public Task ReceiveAsync(Guid id, StampCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Receive, (a, now, by) => a.Receive(now, by));

    public Task ProgressAsync(Guid id, ProgressCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Progress, (a, now, by) => a.PostProgress(c.Text ?? "", c.Percent, now, by));

    /// <summary>Báo cáo kết quả; the same idempotency key again returns the first report and changes nothing.</summary>
    public async Task<Guid> ReportAsync(Guid id, ReportCommand c)
    {
        Guid reportId = default;
        await ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Report, (a, now, by) =>
        {
            var data = new ReportData(c.Name ?? "", c.NumberAndSymbol ?? "", c.Summary ?? "", c.DocumentDate ?? default, c.SignerName ?? "");
            reportId = a.SubmitReport(data, c.IdempotencyKey ?? "", now, by).Id;
        });
        return reportId;
    }

    public Task WithdrawReportAsync(Guid id, StampCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.WithdrawReport, (a, now, by) => a.WithdrawReport(now, by));

    public async Task<Guid> RequestExtensionAsync(Guid id, ExtensionCommand c)
    {
        Guid requestId = default;
        await ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.RequestExtension, (a, now, by) =>
        {
            if (c.NewDeadline is not { } d) throw new DomainValidationException("NewDeadline", "Phải chọn thời hạn đề nghị.");
            requestId = a.RequestExtension(d, c.Reason ?? "", now, by).Id;
        });
        return requestId;
    }

    public Task RefuseAsync(Guid id, ReasonCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Refuse, (a, now, by) => a.Refuse(c.Reason ?? "", now, by));

    public Task ExplainAsync(Guid id, TextCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Explain, (a, now, by) => a.Explain(c.Text ?? "", now, by));

    public Task RequestAdjustmentAsync(Guid id, AdjustmentCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.RequestAdjustment,
            (a, now, by) => a.RequestAdjustment(c.Kind, c.Reason ?? "", c.ProposedDeadline, now, by));

    public Task ReviewAsync(Guid id, ReviewCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Review, (a, now, by) => a.Review(c.Passed, c.Reason, now, by));

    public async Task DecideExtensionAsync(Guid id, Guid requestId, ExtensionDecisionCommand c)
    {
        if (c.OfficeLeaderOverride) await DemandAsync(id, AssignmentOperation.OverrideExtension);
        await ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.DecideExtension, (a, now, by) =>
        {
            if (a.FindPendingRequest(AssignmentRequestKind.Extension)?.Id != requestId)
                throw new DomainException("assignment.request_not_pending", "Đề nghị gia hạn này không còn chờ quyết định.");
            a.DecideExtension(c.Approve, now, by, c.Note, c.OfficeLeaderOverride, c.OverrideReason, c.ApprovedDeadline);
        });
    }

    public Task DecideRefusalAsync(Guid id, DecisionCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.DecideRefusal, (a, now, by) => a.DecideRefusal(c.Approve, now, by, c.Note));

    public async Task DecideAdjustmentAsync(Guid id, DecisionCommand c)
    {
        if (c.OfficeLeaderOverride) await DemandAsync(id, AssignmentOperation.OverrideExtension);
        await ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.DecideAdjustment,
            (a, now, by) => a.DecideAdjustment(c.Approve, now, by, c.Note, c.OfficeLeaderOverride, c.OverrideReason));
    }

    public Task UrgeAsync(Guid id, UrgeCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Urge, (a, now, by) => a.Urge(c.Message ?? "", now, by));

    public async Task TransferAsync(Guid id, TransferCommand c)
    {
        if (c.ToUnitId is not { } to || !await db.Units.AnyAsync(u => u.Id == to && u.IsActive))
            throw new DomainValidationException("ToUnitId", "Phải chọn một đơn vị đang hoạt động để chuyển giao.");
        await ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Transfer, (a, now, by) => a.Transfer(to, c.NewDeadline, c.Reason, now, by));
    }

    public Task CancelAsync(Guid id, ReasonCommand c) =>
        ActAsync(id, c.ConcurrencyStamp, AssignmentOperation.Cancel, (a, now, by) => a.Cancel(c.Reason ?? "", now, by));

    /// <summary>A cooperating unit's note: shown in the timeline, never a report or a state change.</summary>
    public async Task ContributeAsync(Guid id, ContributionCommand c)
    {
        var me = await user.GetAsync();
        var a = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id) ?? throw new NotFoundException("Không tìm thấy nhiệm vụ.");
        var coop = await CooperatingAsync(a.TaskId);
        AssignmentPolicy.Demand(me, a.LeadUnitId, coop, AssignmentOperation.Contribute);
        await locks.EnsureOpenAsync(me.UnitId);
        if (!a.IsOpen) throw new DomainException("assignment.closed", "Nhiệm vụ đã kết thúc; không thể cập nhật thêm.");
        var text = (c.Text ?? "").Trim();
        if (text.Length == 0) throw new DomainValidationException("Text", "Phải nhập nội dung cập nhật.");
        if (text.Length > Assignment.MaxTextLength) throw new DomainValidationException("Text", $"Nội dung không được dài quá {Assignment.MaxTextLength} ký tự.");
        if (c.Percent is { } p && p is < 0 or > 100) throw new DomainValidationException("Percent", "Tỷ lệ hoàn thành phải từ 0 đến 100%.");
        var now = clock.GetUtcNow();
        db.AssignmentContributions.Add(new AssignmentContribution
        {
            Id = Guid.CreateVersion7(now), AssignmentId = id, UnitId = me.UnitId, UserId = me.UserId, AtUtc = now, Text = text, Percent = c.Percent,
        });
        await db.SaveChangesAsync();
    }

    private async Task DemandAsync(Guid id, AssignmentOperation op)
    {
        var me = await user.GetAsync();
        var a = await db.Assignments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.LeadUnitId, x.TaskId }).FirstOrDefaultAsync()
                ?? throw new NotFoundException("Không tìm thấy nhiệm vụ.");
        AssignmentPolicy.Demand(me, a.LeadUnitId, await CooperatingAsync(a.TaskId), op);
    }

    /// <summary>
    /// Loads the aggregate, checks the user may do <paramref name="op"/> to it (404/403), makes the
    /// stamp the client read the one EF compares on save (a stale stamp: 409, nothing written),
    /// runs the transition (illegal: 409) and saves the new events with the new state.
    /// </summary>
    private async Task ActAsync(Guid id, Guid? stamp, AssignmentOperation op, Action<Assignment, DateTimeOffset, Actor> transition)
    {
        var me = await user.GetAsync();
        var a = await LoadAsync(id);
        AssignmentPolicy.Demand(me, a.LeadUnitId, await CooperatingAsync(a.TaskId), op);
        if (LockedDuringBriefing.Contains(op)) await locks.EnsureOpenAsync(me.UnitId);
        if (stamp is not { } s || s == Guid.Empty)
            throw new DomainValidationException("ConcurrencyStamp", "Thiếu concurrencyStamp (mã phiên bản nhiệm vụ đã đọc).");
        var sequence = a.LastEventSequence;
        transition(a, clock.GetUtcNow(), me.Actor);
        // An idempotent replay (same report key) appended nothing: nothing to write, whatever the stamp.
        if (a.LastEventSequence == sequence) return;
        db.Entry(a).Property(x => x.ConcurrencyStamp).OriginalValue = s;
        Refresh(db, a);
        await db.SaveChangesAsync();
    }

    private async Task<Assignment> LoadAsync(Guid id) =>
        await db.Assignments.Include(x => x.Events).Include(x => x.Reports).Include(x => x.Requests).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id) ?? throw new NotFoundException("Không tìm thấy nhiệm vụ.");

    private Task<List<Guid>> CooperatingAsync(Guid taskId) =>
        db.TaskCooperatingUnits.Where(c => c.DirectiveTaskId == taskId).Select(c => c.UnitId).ToListAsync();

    /// <summary>
    /// Keeps the list columns in step with the aggregate (call before saving, after every
    /// transition): <see cref="AssignmentListColumns.Of"/> is the one computation, shared with the
    /// bench generator.
    /// </summary>
    public static void Refresh(AppDbContext db, Assignment a)
    {
        var c = AssignmentListColumns.Of(a);
        var e = db.Entry(a);
        e.Property<DateOnly?>(WorkflowColumns.SubmittedLocalDate).CurrentValue = c.SubmittedLocalDate;
        e.Property<ListClass?>(WorkflowColumns.ListClass).CurrentValue = c.Class;
        e.Property<bool>(WorkflowColumns.Returned).CurrentValue = c.Returned;
        e.Property<DateOnly>(WorkflowColumns.DueOrder).CurrentValue = c.DueOrder;
    }

    /// <summary>
    /// Adds a new assignment of <paramref name="task"/> with all its list columns: the state columns
    /// (<see cref="Refresh"/>) and the task's field and leader. Every path that creates assignments goes
    /// through here, so none can leave them out of the filtered lists.
    /// </summary>
    public static void AddNew(AppDbContext db, Assignment a, DirectiveTask task)
    {
        db.Assignments.Add(a);
        Refresh(db, a);
        SetTaskColumns(db, a, task);
    }

    /// <summary>The task's values copied onto a new assignment for list filters (tasks never change them).</summary>
    private static void SetTaskColumns(AppDbContext db, Assignment a, DirectiveTask task)
    {
        var e = db.Entry(a);
        e.Property<Guid?>(WorkflowColumns.FieldId).CurrentValue = task.FieldId;
        e.Property<Guid>(WorkflowColumns.DirectingLeaderId).CurrentValue = task.DirectingLeaderId;
    }

    // ------------------------------------------------------------------------------------ names

    /// <summary>Every unit's name, from the per-instance cache (shared: read only).</summary>
    public Task<Dictionary<Guid, string>> UnitNamesAsync() => names.UnitNamesAsync(db);
}
