using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Web.Features.Reports;

public sealed record MonthPoint(int Year, int Month, GroupStatistics Statistics, DateTimeOffset AsOfUtc)
{
    public string Label => $"{Month:00}/{Year % 100:00}";
}

public sealed record UnitBar(Guid UnitId, string Name, int Count, GroupStatistics Statistics);

/// <summary>What the leaders' dashboard shows, all as of one moment (now).</summary>
public sealed record DashboardView(
    string LeaderName,
    ReportResult Month,
    GroupStatistics Mine,
    ReportRows MineOverdue,
    IReadOnlyList<UnitBar> OverdueByUnit,
    ReportRows DueThisWeek,
    DateOnly WeekEnd,
    IReadOnlyList<MonthPoint> Trend,
    IReadOnlyList<UnitBar> Slowest)
{
    public string Query => ReportParams.Query(Month.Period, Month.AsOfUtc, ReportDimension.Unit);
    public string MineQuery => ReportParams.Query(Month.Period, Month.AsOfUtc, ReportDimension.DirectingLeader);
}

/// <summary>
/// The leaders' dashboard: the current month (with the carried-over backlog) as of now; the
/// user's own directions (directing leader = me) first; open overdue work by unit; what falls due
/// by Sunday; the last six months each as of its own end; the slowest units of the month.
/// </summary>
public sealed class Dashboard(ReportQueries q)
{
    /// <summary>The most rows a dashboard list (and its Excel sheet) carries; the page shows how many there are in all.</summary>
    public const int ListLimit = 500;

    /// <summary>The months before this one the trend shows.</summary>
    private const int TrendPastMonths = 5;

    /// <summary>The reports the dashboard shows (what <see cref="ReportWarmup"/> counts ahead): this month by unit and by
    /// directing leader as of now, and the months before it by unit, each as of its end.</summary>
    public static IEnumerable<(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension Dimension)> Reports(DateTimeOffset now)
    {
        var month = ThisMonth(now);
        yield return (month, now, ReportDimension.Unit);
        yield return (month, now, ReportDimension.DirectingLeader);
        foreach (var (m, asOf) in PastMonths(now)) yield return (ReportPeriod.Month(m.Year, m.Month), asOf, ReportDimension.Unit);
    }

    private static ReportPeriod ThisMonth(DateTimeOffset now)
    {
        var today = ProvinceTime.LocalDate(now);
        return ReportPeriod.Month(today.Year, today.Month);
    }

    /// <summary>The trend's past months (their first day) and the moment each is counted as of: its end.</summary>
    private static IEnumerable<(DateOnly Month, DateTimeOffset AsOfUtc)> PastMonths(DateTimeOffset now)
    {
        var first = ThisMonth(now).From;
        for (var m = first.AddMonths(-TrendPastMonths); m < first; m = m.AddMonths(1))
            yield return (m, ReportOutputs.MonthEndOrNow(m.Year, m.Month, now));
    }

    public async Task<DashboardView> GetAsync()
    {
        var me = await q.DemandProvinceWideAsync();
        var now = q.Now;
        var today = ProvinceTime.LocalDate(now);
        var weekEnd = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7);

        // Each figure is counted by the database as of its own moment (see ReportFacts); the lists keep their first rows and their size.
        var monthPeriod = ThisMonth(now);
        var first = monthPeriod.From;
        // The month by unit and by directing leader (the user's own directions are one of its groups): the same two reports
        // for every leader, counted ahead (ReportWarmup) and kept.
        var month = await q.ComputeAsync(monthPeriod, now, ReportDimension.Unit, includeSecret: true);
        var myKey = new GroupKey(ReportDimension.DirectingLeader, me.UserId.ToString("D"));
        var mine = (await q.ComputeAsync(monthPeriod, now, ReportDimension.DirectingLeader, includeSecret: true)).Groups
            .FirstOrDefault(g => g.Key == myKey.Value)?.Statistics ?? GroupStatistics.Sum(myKey, []);
        var mineOverdue = await q.RowsAsync(monthPeriod, now, ReportDimension.Unit, "*", ReportMeasure.InProgressOverdue, ListLimit,
            directingLeader: me.UserId, knownTotal: mine.InProgressOverdue);

        var byUnit = month.Groups.Select(g => new UnitBar(Guid.Parse(g.Key), g.Label, g.Statistics.InProgressOverdue, g.Statistics)).ToList();
        var overdueByUnit = byUnit.Where(u => u.Count > 0).OrderByDescending(u => u.Count).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

        var dueThisWeek = await q.RowsAsync(new ReportPeriod(today, weekEnd), now, ReportDimension.Unit, "*", ReportMeasure.InProgressWithinDeadline,
            ListLimit, options: new AsOfOptions(IncludeCarriedOver: false));

        var trend = new List<MonthPoint>();
        // Past months as of their own end (settled: kept, see SettledReportCache); this month is the one above.
        foreach (var (m, asOf) in PastMonths(now))
            trend.Add(new MonthPoint(m.Year, m.Month, (await q.ComputeAsync(ReportPeriod.Month(m.Year, m.Month), asOf, ReportDimension.Unit, includeSecret: true)).Total, asOf));
        trend.Add(new MonthPoint(first.Year, first.Month, month.Total, month.AsOfUtc));

        var slowest = byUnit.Where(u => u.Statistics.InProgressOverdue + u.Statistics.CompletedLate > 0)
            .OrderBy(u => u.Statistics.TimelyRate ?? 1m).ThenByDescending(u => u.Statistics.InProgressOverdue).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Take(5).ToList();

        return new DashboardView(month.PeopleNames.GetValueOrDefault(me.UserId, ""), month with { }, mine, mineOverdue, overdueByUnit, dueThisWeek, weekEnd,
            trend, slowest);
    }
}
