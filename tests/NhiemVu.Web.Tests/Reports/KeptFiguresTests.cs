using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>
/// Figures as of a settled moment are kept in the database too (another instance, or this one after a restart, reads
/// them), and figures not kept yet start from the latest kept figures of an earlier moment — of an earlier day too —
/// plus the changes between, the deadlines passed between included. Own fixture: the clock is moved by days.
/// </summary>
public abstract class KeptFiguresTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    private static Dictionary<string, string> Figures(SettledReportCache.Figures f) => f.Groups.ToDictionary(g => g.Key.Value, ReportFigures.Of);
    private static Dictionary<string, string> Figures(ReportResult r) => r.Groups.ToDictionary(g => g.Key, g => ReportFigures.Of(g.Statistics));

    [Fact]
    public async Task Figures_of_a_later_day_equal_an_earlier_days_figures_plus_the_changes_and_the_deadlines_passed_between()
    {
        // 13:30 local: open work falling due today and tomorrow, and the day's changes.
        w.MoveClockToNext(new TimeSpan(13, 30, 0));
        var day = w.Today;
        await w.EnterDocument("Hạn hôm nay, chưa làm", ["sonnmt", "sotc"], deadline: day);
        await w.EnterDocument("Hạn ngày mai, chưa làm", ["soyt"], deadline: day.AddDays(1));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await w.ReportOneCancelOneAsync("day1");
        var since = app.Clock.GetUtcNow();
        var periods = new[]
        {
            ReportPeriod.Month(day.Year, day.Month), new ReportPeriod(day.AddMonths(-12), day.AddDays(30)), new ReportPeriod(day.AddDays(1), day.AddDays(40)),
        };
        // The reports as of now keep the figures of the 13:00 anchor.
        await app.InScope(async sp =>
        {
            var q = sp.GetRequiredService<ReportQueries>();
            foreach (var period in periods) await q.ComputeAsync(period, since, ReportDimension.Unit, includeSecret: true);
            return 0;
        });

        // Two days later, after more changes: the open work above is overdue now, without any change of its own.
        app.Clock.Advance(TimeSpan.FromDays(2));
        w.SignInAgain();
        await w.ReportOneCancelOneAsync("day3");
        await w.EnterDocument("Giao hôm nay", ["sotc"], deadline: w.Today.AddDays(3));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var now = app.Clock.GetUtcNow();

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            int sinceDay = ProvinceTime.LocalDate(since).DayNumber, nowDay = ProvinceTime.LocalDate(now).DayNumber;
            Assert.True(await db.ReportIntervals.CountAsync(x => x.BaseClass == ListClass.Open && x.DeadlineDay >= sinceDay && x.DeadlineDay < nowDay
                                                                 && x.ValidFromUtc <= since && x.ValidToUtc > now) >= 3,
                "no open work fell due between the two moments");
            foreach (var period in periods)
            foreach (var options in new[] { AsOfOptions.Default, new AsOfOptions(IncludeCarriedOver: false) })
            foreach (var dim in Enum.GetValues<ReportDimension>())
            {
                var context = $"{dim} {period.From}–{period.To} {options}";
                var before = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, since, true, options), dim);
                var parts = new List<SettledReportCache.Figures>();
                foreach (var part in ReportFacts.ChangesAcross(db, period, since, now, true, options)) parts.Add(await ReportFacts.GroupAsync(part, dim));
                var combined = ReportFacts.Combine(before, parts);
                var direct = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, now, true, options), dim);
                Assert.True(direct.Incomplete == combined.Incomplete, context);
                Assert.Equal(Figures(direct), Figures(combined));
            }
            return 0;
        });

        // Through the reports: today's anchor starts from the figures kept two days ago (13:00, within the week kept figures
        // are a starting point for) — shown for the first period by changing those kept figures behind the app's back.
        var anchorBefore = ProvinceTime.StartOfDayUtc(day).AddHours(13);
        var first = new SettledReportCache.Key(periods[0], anchorBefore, ReportDimension.Unit, true, AsOfOptions.Default, null);
        var keptGroups = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var row = await db.KeptReportFigures.SingleAsync(r => r.Report == first.Report && r.AsOfUtc == anchorBefore);
            var kept = FiguresCodec.Decode(row.Figures, ReportDimension.Unit);
            row.Figures = FiguresCodec.Encode(kept with { Groups = kept.Groups.Select(g => g with { Total = g.Total + 1000 }).ToList() });
            await db.SaveChangesAsync();
            return kept.Groups.Count;
        });
        await app.InScope(async sp =>
        {
            var q = sp.GetRequiredService<ReportQueries>();
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var period in periods)
            {
                var report = await q.ComputeAsync(period, now, ReportDimension.Unit, includeSecret: true);
                var direct = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, now, true, AsOfOptions.Default), ReportDimension.Unit);
                if (period == periods[0])
                    Assert.Equal(direct.Groups.Sum(g => g.Total) + 1000 * keptGroups, report.Total.Total);
                else
                    Assert.Equal(Figures(direct), Figures(report));
            }
            return 0;
        });
    }

    [Fact]
    public async Task Figures_kept_in_the_database_are_read_after_a_restart_until_a_new_report_history_stamp()
    {
        var today = w.Today;
        var period = new ReportPeriod(today.AddMonths(-12), today.AddDays(30));
        var settled = ProvinceTime.StartOfDayUtc(today.AddDays(-1)).AddTicks(-1);
        var key = new SettledReportCache.Key(period, settled, ReportDimension.Unit, true, AsOfOptions.Default, null);
        var counted = await app.InScope(async sp => await sp.GetRequiredService<ReportQueries>().ComputeAsync(period, settled, ReportDimension.Unit, true));
        Assert.True(counted.Total.Total > 10);

        // What the database keeps for the report is what this instance counted.
        var row = await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().KeptReportFigures.AsNoTracking()
            .SingleAsync(r => r.Report == key.Report && r.AsOfUtc == settled));
        Assert.Equal(Figures(counted), Figures(FiguresCodec.Decode(row.Figures, ReportDimension.Unit)));

        // A restart (the memory forgotten): the figures are the database's — shown by changing them there behind the app's back.
        var altered = new SettledReportCache.Figures(counted.Groups.Select(g => g.Statistics with { Total = g.Statistics.Total + 1000 }).ToList(), 7);
        await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().KeptReportFigures.Where(r => r.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Figures, FiguresCodec.Encode(altered))));
        app.Service<SettledReportCache>().ForgetInMemory();
        var read = await app.InScope(async sp => await sp.GetRequiredService<ReportQueries>().ComputeAsync(period, settled, ReportDimension.Unit, true));
        Assert.Equal(counted.Total.Total + 1000 * counted.Groups.Count, read.Total.Total);
        Assert.Equal(7, read.IncompleteCount);

        // A new stamp (a change to settled moments): counted again, the rows of the old stamp deleted when the new ones are kept.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            DataVersion.Bump(db, DataVersion.ReportHistory);
            return await db.SaveChangesAsync();
        });
        app.Service<SettledReportCache>().ForgetInMemory();
        var recounted = await app.InScope(async sp => await sp.GetRequiredService<ReportQueries>().ComputeAsync(period, settled, ReportDimension.Unit, true));
        Assert.Equal(Figures(counted), Figures(recounted));
        Assert.Equal(counted.IncompleteCount, recounted.IncompleteCount);
        var stamps = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var stamp = await db.DataVersions.Where(v => v.Key == DataVersion.ReportHistory).Select(v => v.Stamp).SingleAsync();
            return (Current: stamp, Others: await db.KeptReportFigures.CountAsync(r => r.Stamp != stamp));
        });
        Assert.Equal(0, stamps.Others);
    }

    [Fact]
    public async Task The_leaders_reports_are_counted_ahead_and_kept_again_after_a_new_report_history_stamp()
    {
        var warmup = app.Service<ReportWarmup>();
        var cache = app.Service<SettledReportCache>();
        async Task<Guid> Stamp() => await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().DataVersions
            .Where(v => v.Key == DataVersion.ReportHistory).Select(v => v.Stamp).SingleAsync());
        async Task<List<string>> Missing()
        {
            var stamp = await Stamp();
            var now = app.Clock.GetUtcNow();
            var missing = new List<string>();
            foreach (var (period, asOf, dim) in ReportWarmup.Reports(now))
            {
                var moment = cache.AnchorFor(asOf) ?? asOf;
                var report = new SettledReportCache.Key(period, moment, dim, true, AsOfOptions.Default, null).Report;
                if (!await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().KeptReportFigures
                        .AnyAsync(r => r.Report == report && r.AsOfUtc == moment && r.Stamp == stamp)))
                    missing.Add($"{report} as of {moment:O}");
            }
            return missing;
        }

        var done = await warmup.WarmIfDueAsync(null);
        Assert.Equal(await Stamp(), done.Stamp);
        Assert.Empty(await Missing());
        // Nothing changed: nothing counted (the same answer back).
        Assert.Equal(done, await warmup.WarmIfDueAsync(done));

        // A change to settled moments: every kept figure is stale, and the reports are counted again at once.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            DataVersion.Bump(db, DataVersion.ReportHistory);
            return await db.SaveChangesAsync();
        });
        Assert.NotEmpty(await Missing());
        var again = await warmup.WarmIfDueAsync(done);
        Assert.NotEqual(done.Stamp, again.Stamp);
        Assert.Empty(await Missing());

        // The dashboard of a leader reads them: the user's own directions are their group of the month by directing leader.
        var html = System.Net.WebUtility.HtmlDecode(await (await app.ClientFor("chutich")).GetStringAsync("/dashboard"));
        Assert.Contains("Nhiệm vụ tôi chỉ đạo", html);
    }

    [Fact]
    public void Kept_figures_read_back_equal_those_written()
    {
        var groups = new List<GroupStatistics>
        {
            new(new GroupKey(ReportDimension.Field, ""), 17, 1, 2, 3, 4, 5, 2, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14),
            new(new GroupKey(ReportDimension.Field, Guid.NewGuid().ToString("D")), 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
        };
        var figures = new SettledReportCache.Figures(groups, 5);
        var read = FiguresCodec.Decode(FiguresCodec.Encode(figures), ReportDimension.Field);
        Assert.Equal(figures.Groups, read.Groups);
        Assert.Equal(5, read.Incomplete);
    }
}

public sealed class KeptFiguresTests_Sqlite(SqliteApp app) : KeptFiguresTests<SqliteApp>(app);
public sealed class KeptFiguresTests_Postgres(PostgresApp app) : KeptFiguresTests<PostgresApp>(app);
