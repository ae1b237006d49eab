using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// Keeps <see cref="AssignmentReportInterval"/> in step with the events, in the same SaveChanges, whatever path
/// changed an assignment (a transition, a new task, a recurring period, the demo data): the intervals are recomputed
/// from the aggregate's events with <see cref="ReportIntervals.Of"/> and only the rows that differ are written
/// (usually the last one is closed and one is added). Registered after the timeliness interceptor, whose new
/// entry records it counts. Concurrent transitions of one assignment are already refused by its concurrency stamp.
/// A save that changes what the intervals say about a moment already settled (<see cref="SettledReportCache.SettleTime"/>
/// ago: an import of past work, a document made secret) also bumps <see cref="DataVersion.ReportHistory"/>, so the
/// figures kept for settled moments are computed again.
/// </summary>
public sealed class ReportIntervalInterceptor(SettledReportCache settled) : BeforeSaveInterceptor
{
    protected override async Task BeforeSaveAsync(AppDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var changed = tracker.Entries<Assignment>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        DateTimeOffset? earliest = null;
        if (changed.Count > 0)
            earliest = await SyncAsync(db, changed.Select(e => e.Entity).ToList(), changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet(), ct);
        // A corrected document (number, secrecy, field): its intervals' keys follow in the same save.
        foreach (var doc in tracker.Entries<DirectiveDocument>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList())
        {
            var tasks = await TrackedOrLoadedTasksAsync(db, doc.Id, ct);
            var keys = tasks.ToDictionary(t => t.Id, t => ReportIntervalKeys.Of(t, doc));
            var taskIds = keys.Keys.ToList();
            var tracked = tracker.Entries<AssignmentReportInterval>().Where(e => taskIds.Contains(e.Entity.TaskId))
                .ToDictionary(e => (e.Entity.AssignmentId, e.Entity.Index));
            foreach (var row in await db.ReportIntervals.AsNoTracking().Where(i => taskIds.Contains(i.TaskId)).ToListAsync(ct))
            {
                if (tracked.ContainsKey((row.AssignmentId, row.Index)) || row.Keys == keys[row.TaskId]) continue;
                row.SetKeys(keys[row.TaskId]);
                db.ReportIntervals.Attach(row).State = EntityState.Modified;
                earliest = Min(earliest, row.ValidFromUtc);
            }
            foreach (var t in tracked.Values)
                if (t.Entity.Keys != keys[t.Entity.TaskId])
                {
                    t.Entity.SetKeys(keys[t.Entity.TaskId]);
                    earliest = Min(earliest, t.Entity.ValidFromUtc);
                }
        }
        if (earliest is { } e && settled.Affects(e)) DataVersion.Bump(db, DataVersion.ReportHistory);
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    /// <summary>The first moment at which what <paramref name="before"/> says differs from what <paramref name="after"/>
    /// says (same assignment and index): where only the end moved, the earlier of the two ends; else the earlier start.</summary>
    private static DateTimeOffset FirstDifference(AssignmentReportInterval before, AssignmentReportInterval after) =>
        before.Keys == after.Keys && before.ToDomain() with { ValidToUtc = null } == after.ToDomain() with { ValidToUtc = null }
            ? (before.ValidToUtc < after.ValidToUtc ? before.ValidToUtc : after.ValidToUtc)
            : (before.ValidFromUtc < after.ValidFromUtc ? before.ValidFromUtc : after.ValidFromUtc);

    private static async Task<List<DirectiveTask>> TrackedOrLoadedTasksAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<DirectiveTask>().Select(e => e.Entity).Where(t => t.DocumentId == documentId).ToList();
        var known = tracked.Select(t => t.Id).ToList();
        tracked.AddRange(await db.Tasks.AsNoTracking().Where(t => t.DocumentId == documentId && !known.Contains(t.Id)).ToListAsync(ct));
        return tracked;
    }

    /// <summary>The keys of the tasks' intervals, from the tracked tasks and documents (new ones are not in the database yet) or the database.</summary>
    private static async Task<Dictionary<Guid, ReportIntervalKeys>> KeysAsync(AppDbContext db, IEnumerable<Guid> taskIds, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var tasks = tracker.Entries<DirectiveTask>().Select(e => e.Entity).GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var docs = tracker.Entries<DirectiveDocument>().Select(e => e.Entity).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        var result = new Dictionary<Guid, ReportIntervalKeys>();
        var missing = new List<Guid>();
        foreach (var id in taskIds.Distinct())
        {
            if (tasks.TryGetValue(id, out var t) && docs.TryGetValue(t.DocumentId, out var d)) result[id] = ReportIntervalKeys.Of(t, d);
            else missing.Add(id);
        }
        foreach (var (id, k) in await ReportIntervalSources.KeysAsync(db, missing, docs, ct)) result[id] = k;
        return result;
    }

    /// <summary>Recomputes and writes the intervals of <paramref name="assignments"/> (tracked; <paramref name="added"/>: not
    /// yet in the database); returns the first moment whose figures the written rows change (null: none).</summary>
    public static async Task<DateTimeOffset?> SyncAsync(AppDbContext db, IReadOnlyList<Assignment> assignments, IReadOnlySet<Guid> added, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        foreach (var a in assignments)
        {
            var entry = db.Entry(a);
            if (!entry.Collection(x => x.Events).IsLoaded && !added.Contains(a.Id)) await entry.Collection(x => x.Events).LoadAsync(ct);
            if (!entry.Collection(x => x.Reports).IsLoaded && !added.Contains(a.Id)) await entry.Collection(x => x.Reports).LoadAsync(ct);
        }
        var stored = assignments.Where(a => !added.Contains(a.Id)).Select(a => a.Id).ToList();
        var persisted = new Dictionary<(Guid, int), AssignmentReportInterval>();
        var entries = new List<ReportTimelinessRecord>();
        if (stored.Count > 0)
        {
            foreach (var chunk in stored.Chunk(500))
            {
                foreach (var i in await db.ReportIntervals.AsNoTracking().Where(x => chunk.Contains(x.AssignmentId)).ToListAsync(ct))
                    persisted[(i.AssignmentId, i.Index)] = i;
                entries.AddRange(await db.ReportTimelinessRecords.AsNoTracking().Where(r => chunk.Contains(r.AssignmentId)).ToListAsync(ct));
            }
        }
        var ids = assignments.Select(a => a.Id).ToHashSet();
        // Records the timeliness interceptor has just added (or a tracked one), replacing the stored copy of the same report.
        var recordById = entries.ToDictionary(r => r.ReportId);
        foreach (var r in tracker.Entries<ReportTimelinessRecord>().Where(e => e.State != EntityState.Deleted && ids.Contains(e.Entity.AssignmentId)))
            recordById[r.Entity.ReportId] = r.Entity;
        var tracked = tracker.Entries<AssignmentReportInterval>().Where(e => ids.Contains(e.Entity.AssignmentId))
            .ToDictionary(e => (e.Entity.AssignmentId, e.Entity.Index));

        var recordsByAssignment = recordById.Values.ToLookup(r => r.AssignmentId);
        DateTimeOffset? earliest = null;
        var keys = await KeysAsync(db, assignments.Select(a => a.TaskId), ct);
        foreach (var a in assignments)
        {
            var k = keys[a.TaskId];
            var computed = ReportIntervalSources.Intervals(a, recordsByAssignment[a.Id]);
            var keep = new HashSet<int>();
            foreach (var i in computed)
            {
                keep.Add(i.Index);
                var row = AssignmentReportInterval.From(a.Id, k, i);
                if (tracked.TryGetValue((a.Id, i.Index), out var t))
                {
                    if (t.State == EntityState.Added)
                        earliest = Min(earliest, i.ValidFromUtc);
                    else
                    {
                        var before = (AssignmentReportInterval)t.OriginalValues.ToObject();
                        if (t.State == EntityState.Deleted || before.ToDomain() != i || before.Keys != k) earliest = Min(earliest, FirstDifference(before, row));
                    }
                    if (t.State == EntityState.Deleted) t.State = EntityState.Modified;
                    if (t.Entity.ToDomain() != i || t.Entity.Keys != k) t.CurrentValues.SetValues(row);
                }
                else if (persisted.TryGetValue((a.Id, i.Index), out var p))
                {
                    if (p.ToDomain() == i && p.Keys == k) continue;
                    db.ReportIntervals.Attach(row).State = EntityState.Modified;
                    earliest = Min(earliest, FirstDifference(p, row));
                }
                else
                {
                    db.ReportIntervals.Add(row);
                    earliest = Min(earliest, i.ValidFromUtc);
                }
            }
            foreach (var ((assignmentId, index), t) in tracked)
                if (assignmentId == a.Id && !keep.Contains(index))
                {
                    if (t.State != EntityState.Added) earliest = Min(earliest, ((AssignmentReportInterval)t.OriginalValues.ToObject()).ValidFromUtc);
                    t.State = t.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
                }
            foreach (var ((assignmentId, index), p) in persisted)
                if (assignmentId == a.Id && !keep.Contains(index) && !tracked.ContainsKey((assignmentId, index)))
                {
                    db.ReportIntervals.Attach(p).State = EntityState.Deleted;
                    earliest = Min(earliest, p.ValidFromUtc);
                }
        }
        return earliest;
    }
}
