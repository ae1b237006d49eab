using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Tests.Infrastructure;

/// <summary>
/// SQLite plans from the statistics <c>ANALYZE</c> writes (<see cref="SqliteStatistics"/>): they are gathered at
/// start-up once the demo data is in, and again every day; and the search's per-row probe keeps its shape under them.
/// (What the statistics buy — the inbox's "returned" badge from its partial index instead of the unit's whole range —
/// shows at L only: the demo data is planned the same with or without them. bench/README.md has the figures.)
/// </summary>
public sealed class SqliteStatisticsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> work) => await app.InScope(sp => work(sp.GetRequiredService<AppDbContext>()));

    private static async Task<List<string>> Rows(AppDbContext db, string sql)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        return await Rows(db, cmd);
    }

    private static async Task<List<string>> Rows(AppDbContext db, DbCommand cmd)
    {
        await db.Database.OpenConnectionAsync();
        var rows = new List<string>();
        await using DbDataReader r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : r.GetValue(i).ToString())));
        return rows;
    }

    /// <summary>SQLite's plan of a query, with its parameters bound as EF binds them.</summary>
    private static async Task<List<string>> Plan<T>(AppDbContext db, IQueryable<T> query)
    {
        await using var cmd = query.CreateDbCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + cmd.CommandText;
        return await Rows(db, cmd);
    }

    /// <summary>The first figure of an index's <c>sqlite_stat1</c> row is the number of rows it saw.</summary>
    private static async Task<long?> RowsSeenBy(AppDbContext db, string index)
    {
        var stat = await Rows(db, $"SELECT stat FROM sqlite_stat1 WHERE idx = '{index}'");
        return stat.Count == 0 ? null : long.Parse(stat[0].Split(' ')[0]);
    }

    [Fact]
    public async Task SQLite_statistics_are_gathered_at_start_up_after_the_demo_data()
    {
        await Db(async db =>
        {
            var assignments = await db.Assignments.CountAsync();
            Assert.True(assignments > 0, "the demo data holds assignments");
            Assert.Equal(assignments, await RowsSeenBy(db, "IX_assignments_TaskId"));
            return 0;
        });
    }

    [Fact]
    public async Task SQLite_statistics_are_gathered_again_every_day()
    {
        await Db(async db => await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1"));
        app.Clock.Advance(SqliteStatistics.Period);
        long? seen = null;
        for (var i = 0; i < 100 && seen is null; i++)
        {
            await Task.Delay(100);
            seen = await Db(db => RowsSeenBy(db, "IX_assignments_TaskId"));
        }
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task With_statistics_the_search_probes_each_walked_row_s_task_instead_of_joining_every_match()
    {
        var (sql, plan, probed, set) = await Db(async db =>
        {
            await SqliteStatistics.RefreshAsync(db);
            var rows = db.Assignments.AsNoTracking().OrderBy(a => a.Id);
            var byProbe = TaskSearch.MatchedByProbe(db, rows, "bao cao").Select(a => a.Id);
            var bySet = TaskSearch.MatchedBySet(db, rows, "bao cao").Select(a => a.Id);
            var sql = byProbe.ToQueryString();
            return (sql, await Plan(db, byProbe), await byProbe.ToListAsync(), await bySet.ToListAsync());
        });
        Assert.DoesNotContain("EXISTS", sql);
        Assert.Contains(plan, p => p.Contains("CORRELATED SCALAR SUBQUERY"));
        Assert.DoesNotContain(plan, p => p.Contains("BLOOM FILTER"));
        Assert.NotEmpty(probed);
        Assert.Equal(set, probed);
    }
}
