using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>
/// Figures as of a settled moment are kept per instance (SettledReportCache) and dropped when a save changes what the
/// report intervals say about settled moments; the dashboard counts its month and the user's own directions in one scan.
/// </summary>
public abstract partial class ReportsHttpTests<TApp>
{
    private async Task<Guid> ReportHistoryStamp() => await app.InScope(async sp =>
        await sp.GetRequiredService<AppDbContext>().DataVersions.AsNoTracking().Where(v => v.Key == DataVersion.ReportHistory)
            .Select(v => v.Stamp).SingleAsync());

    [Fact]
    public async Task Figures_as_of_a_settled_moment_are_kept_until_a_change_to_settled_moments()
    {
        var today = w.Today;
        var settled = ProvinceTime.StartOfDayUtc(today.AddDays(-1)).AddTicks(-1); // the end of the day before yesterday
        var query = $"from={today.AddMonths(-12):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}&groupBy=Unit";
        var before = await Statistics("vp.cv1", $"{query}&asOf={Iso(settled)}");
        Assert.True(before.GetProperty("total").GetProperty("total").GetInt32() > 10);

        // Every interval removed behind the application's back (no save through it, so no stamp): the settled figures
        // are the kept ones.
        await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().ReportIntervals.ExecuteDeleteAsync());
        Assert.Equal(Figures(before.GetProperty("total")),
            Figures((await Statistics("vp.cv1", $"{query}&asOf={Iso(settled)}")).GetProperty("total")));

        // A new stamp (what a change to settled moments writes): the settled figures are counted again.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            DataVersion.Bump(db, DataVersion.ReportHistory);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await Statistics("vp.cv1", $"{query}&asOf={Iso(settled)}")).GetProperty("total").GetProperty("total").GetInt32());

        // The start-up backfill writes them again (and stamps): the same figures as before, counted from the new rows.
        Assert.True(await Web.Features.Reports.ReportIntervalBackfill.RunAsync(app.Service<IServiceProvider>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance) > 50);
        var after = await Statistics("vp.cv1", $"{query}&asOf={Iso(settled)}");
        Assert.Equal(Figures(before.GetProperty("total")), Figures(after.GetProperty("total")));
        Assert.Equal(before.GetProperty("groups").EnumerateArray().Select(Figures), after.GetProperty("groups").EnumerateArray().Select(Figures));
    }

    [Fact]
    public async Task Only_a_change_to_settled_moments_writes_a_new_report_history_stamp()
    {
        var stamp = await ReportHistoryStamp();
        // The workflow's own changes happen now: nothing settled changes.
        await w.ReportOneCancelOneAsync("settled");
        Assert.Equal(stamp, await ReportHistoryStamp());

        // A demo document entered days ago made secret (and back): its intervals are re-keyed from days ago, which is settled.
        var dayAgo = app.Clock.GetUtcNow().AddDays(-1);
        var documentId = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await (from i in db.ReportIntervals where i.ValidFromUtc < dayAgo && !i.Secret
                          join d in db.Documents on i.DocumentId equals d.Id
                          where d.Secrecy == Domain.Directives.Secrecy.Thuong
                          select d.Id).FirstAsync();
        });
        foreach (var secrecy in new[] { Domain.Directives.Secrecy.Mat, Domain.Directives.Secrecy.Thuong })
        {
            await app.InScope(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var d = await db.Documents.SingleAsync(x => x.Id == documentId);
                d.Update(new Domain.Directives.DirectiveDocumentData(d.Source, d.Kind, d.NumberAndSymbol, d.Summary, d.IssueDate, d.DirectingLeaderId,
                    d.SignerName, d.DraftingSpecialistId, d.Urgency, secrecy, d.FieldId, d.IssueTime), app.Clock.GetUtcNow(), d.EnteredByUserId);
                return await db.SaveChangesAsync();
            });
            var next = await ReportHistoryStamp();
            Assert.NotEqual(stamp, next);
            stamp = next;
        }
    }

    [Fact]
    public async Task Figures_as_of_a_moment_equal_those_of_an_earlier_moment_of_the_day_plus_the_changes_between()
    {
        await w.ReportOneCancelOneAsync("between");
        var now = app.Clock.GetUtcNow();
        var since = ProvinceTime.StartOfDayUtc(w.Today); // today's changes, the exercise's included, lie between
        var today = w.Today;
        var periods = new[] { ReportPeriod.Month(today.Year, today.Month), new ReportPeriod(today.AddMonths(-12), today.AddDays(30)) };
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var changes = 0;
            foreach (var period in periods)
            foreach (var options in new[] { AsOfOptions.Default, new AsOfOptions(IncludeCarriedOver: false) })
            foreach (var dim in Enum.GetValues<ReportDimension>())
            {
                var direct = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, now, true, options), dim);
                var before = await ReportFacts.GroupAsync(ReportFacts.Of(db, period, since, true, options), dim);
                var between = await ReportFacts.GroupAsync(ReportFacts.ChangesBetween(db, period, since, now, true, options), dim);
                var combined = ReportFacts.Combine(before, between);
                var context = $"{dim} {period.From}–{period.To} {options}";
                Assert.True(direct.Incomplete == combined.Incomplete, context);
                Assert.True(direct.Groups.Select(Figures).SequenceEqual(combined.Groups.Select(Figures)), context);
                Assert.True(direct.Groups.Select(g => g.Key).SequenceEqual(combined.Groups.Select(g => g.Key)), context);
                changes += between.Groups.Count;
            }
            Assert.True(changes > 10, "nothing changed between the two moments");
            return 0;
        });
        // The report as of now (anchored on the last settled hour when there is one) equals the direct count too.
        var json = await Statistics("vp.cv1", $"from={periods[1].From:yyyy-MM-dd}&to={periods[1].To:yyyy-MM-dd}&asOf={Iso(now)}&groupBy=Unit");
        var expected = await app.InScope(async sp => await ReportFacts.GroupAsync(
            ReportFacts.Of(sp.GetRequiredService<AppDbContext>(), periods[1], now, true, AsOfOptions.Default), ReportDimension.Unit));
        Assert.Equal(expected.Groups.ToDictionary(g => g.Key.Value, Figures),
            json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, Figures));
    }

    [Fact]
    public async Task Overdue_lists_read_in_deadline_order_equal_the_drill_down_of_every_fact()
    {
        await w.ReportOneCancelOneAsync("overdue");
        var now = app.Clock.GetUtcNow();
        var today = w.Today;
        var leader = await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "chutich").Select(u => u.Id).SingleAsync());
        var compared = 0;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var q = sp.GetRequiredService<ReportQueries>();
            foreach (var period in new[] { ReportPeriod.Month(today.Year, today.Month), ReportPeriod.Month(today.AddMonths(-1).Year, today.AddMonths(-1).Month),
                         new ReportPeriod(today.AddMonths(-12), today.AddDays(30)) })
            foreach (var t in new[] { now, ProvinceTime.StartOfDayUtc(today.AddDays(-7)).AddHours(10) })
            foreach (var options in new[] { AsOfOptions.Default, new AsOfOptions(IncludeCarriedOver: false) })
            foreach (var who in new Guid?[] { null, leader })
            {
                // Every fact of the period, then the measure, most overdue first: what any other drill-down does.
                var facts = ReportFacts.Of(db, period, t, true, options).Where(f => !f.Incomplete).Where(ReportFacts.Measure(ReportMeasure.InProgressOverdue));
                if (who is { } l) facts = facts.Where(f => f.DirectingLeaderId == l);
                var expected = await facts.OrderByDescending(f => f.DaysOverdue).ThenBy(f => f.DeadlineDay ?? int.MaxValue).ThenBy(f => f.AssignmentId)
                    .Select(f => f.AssignmentId).ToListAsync();
                var actual = await q.RowsAsync(period, t, ReportDimension.Unit, "*", ReportMeasure.InProgressOverdue, 10_000, options: options, directingLeader: who);
                var context = $"{period.From}–{period.To} as of {t:O} {options} leader {who}";
                Assert.True(expected.Count == actual.Total, context);
                Assert.True(expected.SequenceEqual(actual.Items.Select(r => r.AssignmentId)), context);
                Assert.All(actual.Items, r => Assert.Equal(Domain.Assignments.AssignmentClass.InProgressOverdue, r.Class));
                compared += expected.Count;
            }
            return 0;
        });
        Assert.True(compared > 50, $"only {compared} overdue rows compared");
    }

    [Fact]
    public async Task No_deadline_reasons_count_each_no_deadline_assignment_of_the_period_once()
    {
        var today = w.Today;
        var now = app.Clock.GetUtcNow();
        var counted = 0;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var q = sp.GetRequiredService<ReportQueries>();
            foreach (var period in new[] { ReportPeriod.Month(today.Year, today.Month), new ReportPeriod(today.AddMonths(-12), today.AddDays(30)) })
            foreach (var t in new[] { now, ProvinceTime.StartOfDayUtc(today.AddDays(-7)).AddHours(10) })
            {
                var expected = await (from f in ReportFacts.Of(db, period, t, true, AsOfOptions.Default)
                                      where !f.Incomplete && f.Class == (int)Domain.Assignments.AssignmentClass.NoDeadline
                                      join task in db.Tasks on f.TaskId equals task.Id
                                      select task.NoDeadlineReason).ToListAsync();
                var wanted = expected.Select(r => (r ?? "").Trim().TrimEnd('.')).Where(r => r.Length > 0).GroupBy(r => r)
                    .ToDictionary(g => g.Key, g => g.Count());
                var reasons = await q.NoDeadlineReasonsAsync(period, t);
                Assert.Equal(wanted.OrderBy(x => x.Key), reasons.ToDictionary(r => r.Reason, r => r.Count).OrderBy(x => x.Key));
                counted += wanted.Values.Sum();
            }
            return 0;
        });
        Assert.True(counted > 0, "no no-deadline assignment in the demo data");
    }

    [Fact]
    public async Task Dashboard_own_directions_and_trend_equal_their_lists_and_the_statistics_of_each_month()
    {
        var html = WebUtility.HtmlDecode(await Page("chutich", "/dashboard"));
        var me = await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "chutich").Select(u => u.Id).SingleAsync());
        var tiles = 0;
        foreach (var measure in new[] { "InProgressOverdue", "InProgressWithinDeadline", "Completed", "Total" })
        {
            var m = Regex.Match(html, $"href=\"(/reports/rows\\?[^\"]*groupBy=DirectingLeader[^\"]*key={me:D}&measure={measure})\"><strong>(\\d+)</strong>");
            Assert.True(m.Success, measure);
            Assert.Equal(int.Parse(m.Groups[2].Value), RowCount(await Page("chutich", m.Groups[1].Value)));
            tiles += int.Parse(m.Groups[2].Value);
        }
        Assert.True(tiles > 0, "the Chairman directs nothing this month in the demo data");

        // The past months of the trend (kept once settled) equal the statistics of each month as of its end; a second
        // dashboard shows the same.
        var again = WebUtility.HtmlDecode(await Page("chutich", "/dashboard"));
        Assert.Equal(Regex.Match(html, "<svg class=\"chart\".*?</svg>", RegexOptions.Singleline).Value,
            Regex.Match(again, "<svg class=\"chart\".*?</svg>", RegexOptions.Singleline).Value);
        var first = new DateOnly(w.Today.Year, w.Today.Month, 1);
        for (var k = 1; k <= 5; k++)
        {
            var month = first.AddMonths(-k);
            var end = month.AddMonths(1).AddDays(-1);
            var json = await Statistics("chutich", $"from={month:yyyy-MM-dd}&to={end:yyyy-MM-dd}&asOf={Iso(ProvinceTime.StartOfDayUtc(end.AddDays(1)).AddTicks(-10))}&groupBy=Unit");
            var t = json.GetProperty("total");
            var column = new[] { "completedEarly", "completedOnTime", "completedLate", "inProgressWithinDeadline", "inProgressOverdue" }
                .Sum(p => t.GetProperty(p).GetInt32());
            var shown = Regex.Match(html, $"class=\"val\" text-anchor=\"middle\">(\\d+)</text><text [^>]*class=\"lbl\" text-anchor=\"middle\">{month.Month:00}/{month.Year % 100:00}</text>");
            Assert.True(shown.Success, $"{month:MM/yyyy}");
            Assert.Equal(column, int.Parse(shown.Groups[1].Value));
        }
    }
}
