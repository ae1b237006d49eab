using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// Counts the reports every leader opens — the dashboard's month (by unit and by directing leader) and its past months,
/// and the twelve months to the end of last month by unit — ahead of their readers, so that none of them waits for a
/// full count: at start-up, after each whole hour has settled (the hour's anchor, from the one before), and at once
/// after a change to settled moments (a new <see cref="DataVersion.ReportHistory"/> stamp), which makes every kept
/// figure stale. What it counts is kept (<see cref="SettledReportCache"/>), in the database too, so a busy instance
/// reads it. Setting <c>Reports:WarmUp</c> (default true).
/// </summary>
public sealed class ReportWarmup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReportOptions> options, ILogger<ReportWarmup> log)
    : BackgroundService
{
    /// <summary>How often the stamp and the hour are looked at.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp) return;
        (Guid Stamp, DateTimeOffset Hour)? done = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                done = await WarmIfDueAsync(done, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Counting the leaders' reports ahead failed; trying again in {Poll}", Poll);
            }
            try { await Task.Delay(Poll, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Counts the reports when the stamp or the settled hour differs from <paramref name="done"/>; returns what it counted for.</summary>
    public async Task<(Guid Stamp, DateTimeOffset Hour)> WarmIfDueAsync((Guid Stamp, DateTimeOffset Hour)? done, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stamp = await db.DataVersions.AsNoTracking().Where(v => v.Key == DataVersion.ReportHistory)
            .Select(v => (Guid?)v.Stamp).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        var settled = clock.GetUtcNow() - SettledReportCache.SettleTime;
        var hour = new DateTimeOffset(settled.UtcTicks - settled.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        if (done is { } d && d.Stamp == stamp && d.Hour == hour) return d;
        await WarmAsync(scope.ServiceProvider.GetRequiredService<ReportQueries>());
        return (stamp, hour);
    }

    /// <summary>The reports counted ahead, as of now (each through its anchor: the last settled hour).</summary>
    public static async Task WarmAsync(ReportQueries q)
    {
        var now = q.Now;
        var today = ProvinceTime.LocalDate(now);
        foreach (var (period, asOf, dimension) in Reports(today, now))
            await q.ComputeAsync(period, asOf, dimension, includeSecret: true);
    }

    /// <summary>The dashboard's month by unit and by directing leader (its "my directions"), its five past months, and the
    /// twelve months to the end of last month (the yearly statistics as of that day).</summary>
    public static IEnumerable<(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension Dimension)> Reports(DateOnly today, DateTimeOffset now)
    {
        var month = ReportPeriod.Month(today.Year, today.Month);
        yield return (month, now, ReportDimension.Unit);
        yield return (month, now, ReportDimension.DirectingLeader);
        var first = new DateOnly(today.Year, today.Month, 1);
        for (var m = first.AddMonths(-5); m < first; m = m.AddMonths(1))
            yield return (ReportPeriod.Month(m.Year, m.Month), ReportOutputs.MonthEndOrNow(m.Year, m.Month, now), ReportDimension.Unit);
        var lastMonthEnd = first.AddDays(-1);
        yield return (new ReportPeriod(first.AddMonths(-12), lastMonthEnd), ProvinceTime.StartOfDayUtc(first).AddTicks(-1), ReportDimension.Unit);
    }
}
