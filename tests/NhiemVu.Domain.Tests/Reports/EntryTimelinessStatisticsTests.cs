using NhiemVu.Domain.Reports;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Reports;

/// <summary>The "entry timeliness" figure of the per-unit table (issue 5): result reports entered in time over those
/// entered, as judged when each was entered, counting only what was entered by the report's moment T.</summary>
public class EntryTimelinessStatisticsTests
{
    private static readonly ReportPeriod March = ReportPeriod.Month(2025, 3);

    [Fact]
    public void Entry_timeliness_as_of_T_counts_only_reports_entered_by_T()
    {
        var a = NewAssignment(D(2025, 3, 20), Local(2025, 3, 1));
        var first = a.SubmitReport(Report(), "k1", Local(2025, 3, 10, 9), FocalA);
        a.Review(false, "Bổ sung số liệu", Local(2025, 3, 11, 9), Office);
        var second = a.SubmitReport(Report(), "k2", Local(2025, 3, 18, 9), FocalA);
        ReportEntry[] entries =
        [
            new(first.Id, UnitA, first.SubmittedAtUtc, InTime: true),
            new(second.Id, UnitA, second.SubmittedAtUtc, InTime: false),
        ];
        ReportAssignment Input() => AsOfStatisticsTests.In(a) with { Entries = entries };

        var t1 = AsOfStatistics.Compute([Input()], March, Local(2025, 3, 15));
        Assert.Equal(1, t1.Total.ReportsEntered);
        Assert.Equal(1, t1.Total.ReportsEnteredInTime);
        Assert.Equal(1m, t1.Total.EntryTimelinessRate);
        Assert.Equal(0, t1.Total.AssignmentsWithLateReportEntry);

        var t2 = AsOfStatistics.Compute([Input()], March, Local(2025, 3, 31, 23, 59));
        Assert.Equal(2, t2.Total.ReportsEntered);
        Assert.Equal(1, t2.Total.ReportsEnteredInTime);
        Assert.Equal(0.5m, t2.Total.EntryTimelinessRate);
        Assert.Equal(1, t2.Total.AssignmentsWithLateReportEntry);

        // Run again later, after more happened: the figure for T1 is unchanged.
        a.Review(true, null, Local(2025, 4, 2), Office);
        Assert.Equal(t1.Total, AsOfStatistics.Compute([Input()], March, Local(2025, 3, 15)).Total);
    }

    [Fact]
    public void Entry_timeliness_rate_is_empty_without_reports_and_counts_only_the_holding_units_reports()
    {
        var a = NewAssignment(D(2025, 3, 20), Local(2025, 3, 1));
        var none = AsOfStatistics.Compute([AsOfStatisticsTests.In(a)], March, Local(2025, 3, 15));
        Assert.Null(none.Total.EntryTimelinessRate);

        // A report entered by another unit (before a transfer) is that unit's, not the holder's.
        ReportAssignment withOther = AsOfStatisticsTests.In(a) with { Entries = [new(Guid.NewGuid(), UnitB, Local(2025, 3, 5), true)] };
        Assert.Equal(0, AsOfStatistics.Compute([withOther], March, Local(2025, 3, 15)).Total.ReportsEntered);
    }
}
