using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Time;
using NhiemVu.Web.Features.Notifications;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>
/// Gives out the next periods of recurring tasks (<see cref="RecurrenceSchedule"/>): a period's
/// assignments appear the day after the previous period's scheduled date, one per lead unit of the
/// previous period that still holds it (transfers followed; cancelled assignments not renewed; a
/// unit that was dissolved passes to its active successor, or is skipped). A task whose previous
/// period has no live assignment left (all cancelled) is over. Missed periods are all created, in
/// order, up to the recurrence's end date. Each period is written with its
/// <see cref="RecurrencePeriod"/> row in one transaction, so with several instances the second
/// insert fails on the (task, period) key and nothing is duplicated. The new assignments get the
/// usual Assigned event, hence the "new assignment" notification (<see cref="NotificationInterceptor"/>).
/// </summary>
public sealed class RecurrenceJob(IServiceScopeFactory scopes, TimeProvider clock, IWorkingCalendar calendar, ILogger<RecurrenceJob> log)
{
    /// <summary>One tick: creates the assignments of every period now due. Returns how many assignments it created.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = ProvinceTime.LocalDate(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Recurrence != Recurrence.None && t.Deadline != null).ToListAsync(ct);
        if (tasks.Count == 0) return 0;
        var ids = tasks.Select(t => t.Id).ToList();
        var latest = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.TaskId) && a.Period != null)
            .GroupBy(a => a.TaskId).Select(g => new { g.Key, Period = g.Max(a => a.Period) }).ToDictionaryAsync(x => x.Key, x => x.Period, ct);
        Dictionary<Guid, (bool IsActive, Guid? SuccessorId)>? units = null; // read once, only when some period is due

        var created = 0;
        foreach (var task in tasks)
        {
            var known = latest.GetValueOrDefault(task.Id);
            var last = known ?? task.Deadline!.Value;
            var due = task.DuePeriods(last, today);
            if (due.Count == 0) continue;

            // The previous period's assignments (without any period recorded: the task's only ones, its first period).
            var previous = await db.Assignments.AsNoTracking()
                .Where(a => a.TaskId == task.Id && (known == null || a.Period == known) && a.State != AssignmentState.Cancelled)
                .Select(a => a.LeadUnitId).ToListAsync(ct);
            units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.IsActive, u.SuccessorId), ct);
            var leads = previous.Select(Holder).OfType<Guid>().Distinct().ToList();
            if (leads.Count == 0) continue; // cancelled everywhere, or no unit left to hold it

            var creatorUnit = await db.Users.Where(u => u.Id == task.CreatedByUserId).Select(u => (Guid?)u.UnitId).FirstOrDefaultAsync(ct);
            var actor = new Actor(task.CreatedByUserId, creatorUnit);
            foreach (var period in due)
            {
                db.RecurrencePeriods.Add(new RecurrencePeriod { TaskId = task.Id, Period = period, CreatedAtUtc = now });
                var deadline = RecurrenceSchedule.Deadline(period, calendar);
                foreach (var unit in leads)
                {
                    AssignmentHandlers.AddNew(db, Assignment.Create(task.Id, unit, deadline, now, actor, period), task);
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                    created += leads.Count;
                    log.LogInformation("Recurring task {Task}: period {Period} given to {Count} unit(s)", task.Id, period, leads.Count);
                }
                catch (DbUpdateException)
                {
                    // Another instance gave out this period first: nothing of ours was written; it carries on.
                    log.LogDebug("Period {Period} of task {Task} already given out by another instance", period, task.Id);
                    db.ChangeTracker.Clear();
                    break;
                }
                db.ChangeTracker.Clear();
            }
        }
        return created;

        // The unit that holds the work now: itself while active, else its active successor (merger), else nobody.
        Guid? Holder(Guid unit)
        {
            for (var hops = 0; hops < 10 && units!.TryGetValue(unit, out var u); hops++)
            {
                if (u.IsActive) return unit;
                if (u.SuccessorId is not { } next) return null;
                unit = next;
            }
            return null;
        }
    }
}

/// <summary>The thin loop: every <see cref="NotificationOptions.PollSeconds"/>, one <see cref="RecurrenceJob"/> tick.</summary>
public sealed class RecurrenceWorker(RecurrenceJob job, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<RecurrenceWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(period, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try { await job.RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Recurring tasks round failed; trying again in {Period}", period);
            }
        }
    }
}
