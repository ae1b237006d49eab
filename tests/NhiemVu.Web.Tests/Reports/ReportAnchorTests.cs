using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>
/// Reports as of now start from the figures kept for the last settled hour; a new hour's figures start from an earlier
/// hour of the day that is kept, plus the changes between. Own fixture: the clock is moved to a fixed time of day.
/// </summary>
public abstract class ReportAnchorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    [Fact]
    public async Task A_new_hours_figures_built_on_an_earlier_kept_hour_equal_a_full_count()
    {
        // 13:30 local on the next day the clock reaches it.
        w.MoveClockToNext(new TimeSpan(13, 30, 0));
        await w.ReportOneCancelOneAsync("13h30"); // between 13:00 and 14:00
        app.Clock.Advance(TimeSpan.FromMinutes(50));               // 14:20
        await w.ReportOneCancelOneAsync("14h20"); // after the 14:00 anchor

        var today = w.Today;
        var thirteen = ProvinceTime.StartOfDayUtc(today).AddHours(13);
        var periods = new[] { ReportPeriod.Month(today.Year, today.Month), new ReportPeriod(today.AddMonths(-12), today.AddDays(30)) };
        await app.InScope(async sp =>
        {
            var q = sp.GetRequiredService<ReportQueries>();
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var period in periods)
            foreach (var dim in Enum.GetValues<ReportDimension>())
            {
                await q.ComputeAsync(period, thirteen, dim, includeSecret: true);        // settled: kept (13:00)
                var now = app.Clock.GetUtcNow();
                var anchored = await q.ComputeAsync(period, now, dim, includeSecret: true); // the 14:00 anchor from 13:00 + changes
                var direct = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, now, true, AsOfOptions.Default), dim);
                var context = $"{dim} {period.From}–{period.To}";
                Assert.True(direct.Incomplete == anchored.IncompleteCount, context);
                Assert.Equal(direct.Groups.ToDictionary(g => g.Key.Value, ReportFigures.Of), anchored.Groups.ToDictionary(g => g.Key, g => ReportFigures.Of(g.Statistics)));
                // And the kept 14:00 figures themselves equal a full count as of 14:00.
                var fourteen = thirteen.AddHours(1);
                var kept = await q.ComputeAsync(period, fourteen, dim, includeSecret: true);
                var full = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, fourteen, true, AsOfOptions.Default), dim);
                Assert.Equal(full.Groups.ToDictionary(g => g.Key.Value, ReportFigures.Of), kept.Groups.ToDictionary(g => g.Key, g => ReportFigures.Of(g.Statistics)));
            }
            return 0;
        });
    }
}

public sealed class ReportAnchorTests_Sqlite(SqliteApp app) : ReportAnchorTests<SqliteApp>(app);
public sealed class ReportAnchorTests_Postgres(PostgresApp app) : ReportAnchorTests<PostgresApp>(app);
