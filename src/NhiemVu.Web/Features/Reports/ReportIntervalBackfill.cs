using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// At start-up, after the migrations: writes the report intervals of assignments that have none yet (a database
/// created before the intervals existed, or data written by a tool that left them out). From then on the
/// <see cref="ReportIntervalInterceptor"/> keeps them in step. Safe with several instances starting at once: a
/// chunk another instance wrote first fails on the key and is skipped.
/// </summary>
public static class ReportIntervalBackfill
{
    public static async Task<int> RunAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        List<Guid> missing;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            missing = await db.Assignments.AsNoTracking().Where(a => !db.ReportIntervals.Any(i => i.AssignmentId == a.Id))
                .Select(a => a.Id).ToListAsync(ct);
        }
        if (missing.Count == 0) return 0;
        logger.LogInformation("Writing report intervals for {Count} assignments", missing.Count);
        var written = 0;
        foreach (var chunk in missing.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var assignments = await db.Assignments.AsNoTracking().Include(a => a.Events).Include(a => a.Reports).AsSplitQuery()
                .Where(a => chunk.Contains(a.Id)).ToListAsync(ct);
            var taskIds = assignments.Select(a => a.TaskId).Distinct().ToList();
            var keys = await ReportIntervalSources.KeysAsync(db, taskIds, null, ct);
            var records = (await db.ReportTimelinessRecords.AsNoTracking().Where(r => chunk.Contains(r.AssignmentId)).ToListAsync(ct))
                .ToLookup(r => r.AssignmentId);
            var added = 0;
            foreach (var a in assignments)
            {
                var rows = ReportIntervalSources.Intervals(a, records[a.Id]);
                db.ReportIntervals.AddRange(rows.Select(i => AssignmentReportInterval.From(a.Id, keys[a.TaskId], i)));
                added += rows.Count;
            }
            if (added == 0) continue; // e.g. assignments cancelled the moment they were made: no stretch at all
            // Past moments' figures change: the figures kept for them (by another instance) are computed again.
            DataVersion.Bump(db, DataVersion.ReportHistory);
            try
            {
                await db.SaveChangesAsync(ct);
                written += added;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote (some of) this chunk at the same moment: its rows are the same computation.
            }
        }
        return written;
    }
}
