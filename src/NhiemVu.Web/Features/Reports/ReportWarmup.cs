using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// Counts the reports every leader opens — the dashboard's month (by unit and by directing leader) and its past months
/// (the last of which is the monthly report's), and this year's ranking — ahead of their readers, so that none of them waits for a
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
        foreach (var (period, asOf, dimension) in Reports(q.Now))
            await q.ComputeAsync(period, asOf, dimension, includeSecret: true);
    }

    /// <summary>What the dashboard shows (<see cref="Dashboard.Reports"/>) and this year's ranking
    /// (<see cref="ReportEndpoints.RankingReport"/>).</summary>
    public static IEnumerable<(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension Dimension)> Reports(DateTimeOffset now)
    {
        foreach (var report in Dashboard.Reports(now)) yield return report;
        var (year, asOf) = ReportEndpoints.RankingReport(ProvinceTime.LocalDate(now).Year, now);
        yield return (year, asOf, ReportDimension.Unit);
    }
}
