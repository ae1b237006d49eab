using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>
/// The database counts the as-of figures from the stored report intervals; these tests hold that to the domain's
/// specification: the intervals equal a recomputation from each assignment's events after real transitions, and every
/// figure of every grouping, for several periods and moments, equals <see cref="AsOfStatistics"/> replaying the events.
/// </summary>
public abstract partial class ReportsHttpTests<TApp>
{
    private async Task ExerciseEveryKindOfChange()
    {
        var returned = (await w.EnterDocument("Khoảng báo cáo – trả lại rồi báo cáo lại", ["sotc"], deadline: w.Today.AddDays(3))).Tasks[0].Assignments[0].Id;
        var moved = (await w.EnterDocument("Khoảng báo cáo – chuyển đơn vị", ["soyt"], deadline: w.Today.AddDays(5))).Tasks[0].Assignments[0].Id;
        var cancelled = (await w.EnterDocument("Khoảng báo cáo – hủy", ["sotc"], deadline: w.Today.AddDays(6))).Tasks[0].Assignments[0].Id;
        await (await w.Act("sotc.daumoi", returned, "reports", s => w.ReportToday(s, "iv-1"))).Read<JsonElement>();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await (await w.Act("vp.cv1", returned, "review", s => new { passed = false, reason = "Thiếu số liệu", concurrencyStamp = s })).Read<JsonElement>();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await (await w.Act("sotc.daumoi", returned, "reports", s => w.ReportToday(s, "iv-2"))).Read<JsonElement>();
        await (await w.Act("vp.cv1", moved, "transfer", s => new { toUnitId = w.Unit("sotp").Result, reason = "Đúng chức năng", concurrencyStamp = s }))
            .Read<JsonElement>();
        await (await w.Act("vp.cv1", cancelled, "cancel", s => new { reason = "Không còn phù hợp", concurrencyStamp = s })).Read<JsonElement>();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task Stored_report_intervals_equal_a_recomputation_from_each_assignments_events()
    {
        await ExerciseEveryKindOfChange();
        await AssertIntervalsEqualRecomputation();
    }

    [Fact]
    public async Task Start_up_backfill_writes_the_intervals_of_assignments_that_have_none()
    {
        await ExerciseEveryKindOfChange();
        // A database from before the table: no interval at all.
        await app.InScope(async sp => await sp.GetRequiredService<AppDbContext>().ReportIntervals.ExecuteDeleteAsync());
        var written = await Web.Features.Reports.ReportIntervalBackfill.RunAsync(app.Service<IServiceProvider>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.True(written > 50);
        await AssertIntervalsEqualRecomputation();
        // Nothing left to do the second time.
        Assert.Equal(0, await Web.Features.Reports.ReportIntervalBackfill.RunAsync(app.Service<IServiceProvider>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }

    private async Task AssertIntervalsEqualRecomputation() =>
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var assignments = await db.Assignments.AsNoTracking().Include(a => a.Events).Include(a => a.Reports).AsSplitQuery().ToListAsync();
            var keys = (await (from t in db.Tasks.AsNoTracking() join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id select new { t, d })
                .ToListAsync()).ToDictionary(x => x.t.Id, x => ReportIntervalKeys.Of(x.t, x.d));
            var records = (await db.ReportTimelinessRecords.AsNoTracking().ToListAsync()).ToLookup(r => r.AssignmentId);
            var stored = (await db.ReportIntervals.AsNoTracking().ToListAsync()).ToLookup(i => i.AssignmentId);
            Assert.True(assignments.Count > 50);
            foreach (var a in assignments)
            {
                var expected = ReportIntervalSources.Intervals(a, records[a.Id]);
                var actual = stored[a.Id].OrderBy(i => i.Index).ToList();
                Assert.Equal(expected, actual.Select(i => i.ToDomain()).ToList());
                Assert.All(actual, i => Assert.Equal(keys[a.TaskId], i.Keys));
            }
            Assert.Contains(stored.SelectMany(g => g), i => i.ValidToUtc != ReportInterval.Open); // closed stretches exist
            return 0;
        });

    [Fact]
    public async Task A_document_made_secret_marks_its_intervals_in_the_same_save()
    {
        var doc = await w.EnterDocument("Khoảng báo cáo – văn bản được sửa", ["sotc", "soyt"], deadline: w.Today.AddDays(9));
        var ids = doc.Tasks.SelectMany(t => t.Assignments).Select(a => a.Id).ToList();
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var d = await db.Documents.SingleAsync(x => x.Id == doc.Document.Id);
            d.Update(new Domain.Directives.DirectiveDocumentData(d.Source, d.Kind, d.NumberAndSymbol, d.Summary, d.IssueDate, d.DirectingLeaderId, d.SignerName,
                d.DraftingSpecialistId, d.Urgency, Domain.Directives.Secrecy.Mat, d.FieldId, d.IssueTime), app.Clock.GetUtcNow(), d.EnteredByUserId);
            await db.SaveChangesAsync();
            return 0;
        });
        await app.InScope(async sp =>
        {
            var rows = await sp.GetRequiredService<AppDbContext>().ReportIntervals.AsNoTracking().Where(i => ids.Contains(i.AssignmentId)).ToListAsync();
            Assert.Equal(ids.Count, rows.Select(r => r.AssignmentId).Distinct().Count());
            Assert.All(rows, r => Assert.True(r.Secret)); // a secret document's tasks leave the public figures at once
            return 0;
        });
    }

    /// <summary>Every assignment as the domain's replay reads it, straight from the events (the pre-interval way).</summary>
    private async Task<List<ReportAssignment>> ReplayInput() => await app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var rows = await (from a in db.Assignments.AsNoTracking().Include(x => x.Events).Include(x => x.Reports)
                          join t in db.Tasks on a.TaskId equals t.Id
                          join d in db.Documents on t.DocumentId equals d.Id
                          select new { A = a, T = t, D = d }).AsSplitQuery().ToListAsync();
        var records = (await db.ReportTimelinessRecords.AsNoTracking().ToListAsync()).ToLookup(r => r.AssignmentId);
        return rows.Select(r => new ReportAssignment(r.A.Id, r.T.Id, r.D.Id, r.T.DirectingLeaderId, r.T.FieldId ?? r.D.FieldId, r.T.Nature, r.T.Programme,
            r.A.Events.ToList(), r.A.Reports.Select(x => new ReportedResult(x.Id, x.NumberAndSymbol, x.SignerName)).ToList(), r.T.NoDeadlineReason,
            r.D.Source, r.D.Kind, r.D.NumberAndSymbol,
            records[r.A.Id].Select(x => new ReportEntry(x.ReportId, x.UnitId, x.EnteredAtUtc, x.EntryInTime)).ToList())).ToList();
    });

    private static string Figures(JsonElement g) => string.Join(",", new[]
    {
        "total", "completedEarly", "completedOnTime", "completedLate", "inProgressWithinDeadline", "inProgressOverdue", "noDeadline",
        "awaitingConfirmation", "carriedOver", "approvedExtensions", "assignmentsExtended", "missingExplanation", "reportsEntered", "reportsEnteredInTime",
    }.Select(p => g.GetProperty(p).GetInt32()));

    private static string Figures(GroupStatistics s) => ReportFigures.Of(s);

    [Fact]
    public async Task Database_figures_equal_the_domain_replay_for_every_grouping_period_and_moment()
    {
        await ExerciseEveryKindOfChange();
        var input = await ReplayInput();
        var now = app.Clock.GetUtcNow();
        var today = w.Today;
        var periods = new[]
        {
            ReportPeriod.Month(today.Year, today.Month),
            ReportPeriod.Month(today.AddMonths(-1).Year, today.AddMonths(-1).Month),
            new ReportPeriod(today.AddMonths(-12), today.AddDays(30)),
            ReportPeriod.Year(today.Year),
        };
        // Now, the middle of a working day a week ago, and the end of a day a month and a half ago.
        var moments = new[] { now, ProvinceTime.StartOfDayUtc(today.AddDays(-7)).AddHours(10), ProvinceTime.StartOfDayUtc(today.AddDays(-45)).AddTicks(-1) };
        var compared = 0;
        foreach (var period in periods)
        foreach (var t in moments)
        {
            var expected = AsOfStatistics.Compute(input, period, t);
            foreach (var dim in Enum.GetValues<ReportDimension>())
            {
                var json = await Statistics("vp.cv1", $"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}&asOf={Iso(t)}&groupBy={dim}");
                var context = $"{dim} {period.From}–{period.To} as of {t:O}";
                Assert.True(expected.Incomplete.Count == json.GetProperty("incompleteInformation").GetInt32(), context);
                Assert.True(Figures(expected.Total) == Figures(json.GetProperty("total")), context);
                var actual = json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, Figures);
                var wanted = expected.By(dim).ToDictionary(g => g.Key.Value, Figures);
                Assert.True(wanted.OrderBy(x => x.Key).SequenceEqual(actual.OrderBy(x => x.Key)),
                    $"{context}: expected {string.Join(" | ", wanted.OrderBy(x => x.Key))} got {string.Join(" | ", actual.OrderBy(x => x.Key))}");
                compared += wanted.Count;
            }
        }
        Assert.True(compared > 100, $"only {compared} groups compared");
    }
}
