using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Domain.Tests.Assignments;

namespace NhiemVu.Domain.Tests.Reports;

/// <summary>
/// The stored report intervals say, at every moment, what the replay of the events says then: the row valid at T
/// carries the unit, class, deadline, submission, extensions, explanation, report completeness and entries that
/// <see cref="AsOfStatistics"/> computes from the events up to T, and no row is valid while the assignment is not counted.
/// </summary>
public class ReportIntervalsTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) data.Add(seed);
        return data;
    }

    private static (ReportAssignment Input, IReadOnlyList<ReportInterval> Intervals) Build(int seed)
    {
        var a = ReplayPropertyTests.Run(seed);
        var rng = new Random(seed * 7919);
        var reports = a.Reports.Select(r => new ReportedResult(r.Id, r.NumberAndSymbol, r.SignerName)).ToList();
        // Entries judged in time or late at random; a few reports have no record (entered before the timeliness records).
        var entries = a.Reports.Where(_ => rng.Next(8) != 0)
            .Select(r => new ReportEntry(r.Id, r.SubmittedByUnitId, r.SubmittedAtUtc, rng.Next(3) != 0)).ToList();
        var input = new ReportAssignment(a.Id, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Directives.TaskNature.ThuongXuyen,
            default(Directives.TaskProgramme), a.Events, reports, "lý do", Entries: entries, DocumentNumber: "1/QĐ");
        return (input, ReportIntervals.Of(a.Events, reports, entries));
    }

    private static IEnumerable<DateTimeOffset> Moments(ReportAssignment a) =>
        a.Events.SelectMany(e => new[] { e.AtUtc.AddTicks(-1), e.AtUtc, e.AtUtc.AddTicks(1), e.AtUtc.AddHours(13) })
            .Append(a.Events[^1].AtUtc.AddDays(40)).Distinct().Order();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_interval_valid_at_T_has_the_figures_of_the_replay_at_T(int seed)
    {
        var (input, intervals) = Build(seed);
        // A period wide enough that every counted assignment belongs to it; carried-over and incomplete ones kept.
        var period = new ReportPeriod(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        var options = new AsOfOptions(IncludeCarriedOver: true, ExcludeIncomplete: false);
        foreach (var t in Moments(input))
        {
            var row = AsOfStatistics.Compute([input], period, t, options).Rows.SingleOrDefault();
            var interval = ReportIntervals.At(intervals, t);
            if (row is null)
            {
                Assert.Null(interval);
                continue;
            }
            Assert.NotNull(interval);
            var asOfDay = ProvinceTime.LocalDate(t).DayNumber;
            Assert.Equal(row.UnitId, interval.UnitId);
            Assert.Equal(row.AssignedOn.DayNumber, interval.AssignedDay);
            Assert.Equal(row.Class, interval.ClassAt(asOfDay));
            Assert.Equal(row.Deadline?.DayNumber, interval.DeadlineDay);
            Assert.Equal(row.Classification.DecidingSubmissionAtUtc is { } at ? ProvinceTime.LocalDate(at).DayNumber : null, interval.SubmittedDay);
            Assert.Equal(row.AwaitingConfirmation, interval.Awaiting);
            Assert.Equal(row.ApprovedExtensions, interval.ApprovedExtensions);
            Assert.Equal(row.Explained, interval.Explained);
            Assert.Equal(row.DaysOverdue, interval.DaysOverdueAt(asOfDay));
            Assert.Equal(row.ReportsEntered, interval.ReportsEntered);
            Assert.Equal(row.ReportsEnteredInTime, interval.ReportsEnteredInTime);
            var reasons = IncompleteInformation.Reasons(input with { Events = input.Events.ToList() }, row.Classification);
            Assert.Equal(reasons.Contains(IncompleteReason.ReportNumberMissing), interval.ReportNumberMissing);
            Assert.Equal(reasons.Contains(IncompleteReason.ReportSignerMissing), interval.ReportSignerMissing);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Intervals_are_ordered_disjoint_and_only_the_last_is_open(int seed)
    {
        var (_, intervals) = Build(seed);
        Assert.NotEmpty(intervals);
        Assert.Equal(Enumerable.Range(0, intervals.Count), intervals.Select(i => i.Index));
        foreach (var (x, y) in intervals.Zip(intervals.Skip(1)))
        {
            Assert.NotNull(x.ValidToUtc);
            Assert.True(x.ValidFromUtc < x.ValidToUtc);
            Assert.True(x.ValidToUtc <= y.ValidFromUtc);
            // Consecutive equal stretches are merged.
            if (x.ValidToUtc == y.ValidFromUtc) Assert.False(x.SameFigures(y));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Appending_events_changes_only_the_last_intervals(int seed)
    {
        var (input, all) = Build(seed);
        for (var n = 1; n < input.Events.Count; n++)
        {
            var prefix = ReportIntervals.Of(input.Events.Take(n), input.Reports, input.Entries!.Where(e => e.EnteredAtUtc <= input.Events[n - 1].AtUtc));
            var cut = input.Events[n].AtUtc;
            // Every stretch that ended before the next event's moment is final.
            foreach (var closed in prefix.Where(i => i.ValidToUtc is { } to && to <= cut))
                Assert.Contains(closed, all);
        }
    }

    [Fact]
    public void Class_as_of_a_date_follows_the_deadline_day_for_open_work()
    {
        var deadline = new DateOnly(2025, 5, 10).DayNumber;
        var open = new ReportInterval(0, DateTimeOffset.UnixEpoch, null, Guid.NewGuid(), deadline - 30, deadline, ListClass.Open, null,
            false, 0, false, false, false, 0, 0);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, open.ClassAt(deadline));
        Assert.Equal(AssignmentClass.InProgressOverdue, open.ClassAt(deadline + 1));
        Assert.Equal(3, open.DaysOverdueAt(deadline + 3));
        var late = open with { BaseClass = ListClass.CompletedLate, SubmittedDay = deadline + 4 };
        Assert.Equal(AssignmentClass.CompletedLate, late.ClassAt(deadline + 100));
        Assert.Equal(4, late.DaysOverdueAt(deadline + 100));
    }
}
