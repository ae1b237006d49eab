using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;

namespace NhiemVu.Web.Infrastructure;

/// <summary>
/// SQLite's query planner reads table and index statistics (<c>sqlite_stat1</c>) only once <c>ANALYZE</c> has written
/// them; without them it guesses. At L the guess made the busiest unit's inbox cost 3.4 ms of CPU instead of 0.7: for
/// the "returned" badge it read the unit's 24,700 open rows in the covering inbox index instead of the partial index
/// <c>IX_assignments_returned</c>, which holds none of them. So the statistics are gathered after the migrations at
/// start-up and again once a day (<see cref="SqliteStatisticsService"/>), as the tables grow from the demo data to a
/// province's years. <c>analysis_limit</c> samples each index instead of reading it whole: 0.15 s at L (7 GB).
/// PostgreSQL keeps its own statistics (autovacuum); nothing to do there.
/// </summary>
public static class SqliteStatistics
{
    /// <summary>Rows sampled per index (SQLite recommends 100–1,000).</summary>
    public const int AnalysisLimit = 1000;

    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    public static async Task RefreshAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync($"PRAGMA analysis_limit={AnalysisLimit}; ANALYZE;", ct);
    }
}

/// <summary>Gathers SQLite's statistics again every <see cref="SqliteStatistics.Period"/> (the first time is at start-up, <see cref="DatabaseSetup.GatherDatabaseStatisticsAsync"/>).</summary>
public sealed class SqliteStatisticsService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SqliteStatisticsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SqliteStatistics.Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await SqliteStatistics.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(ex, "Gathering SQLite's statistics failed; trying again in {Period}", SqliteStatistics.Period);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
