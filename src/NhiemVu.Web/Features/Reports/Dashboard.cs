using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;

using AssignmentRow = NhiemVu.Domain.Reports.AssignmentRow;

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
    IReadOnlyList<AssignmentRow> MineOverdue,
    IReadOnlyList<UnitBar> OverdueByUnit,
    IReadOnlyList<AssignmentRow> DueThisWeek,
    DateOnly WeekEnd,
    IReadOnlyList<MonthPoint> Trend,
    IReadOnlyList<UnitBar> Slowest)
{
    public string Query => ReportParams.Query(Month.Report.Period, Month.Report.AsOfUtc, ReportDimension.Unit);
    public string MineQuery => ReportParams.Query(Month.Report.Period, Month.Report.AsOfUtc, ReportDimension.DirectingLeader);
}

/// <summary>
/// The leaders' dashboard: the current month (with the carried-over backlog) as of now; the
/// user's own directions (directing leader = me) first; open overdue work by unit; what falls due
/// by Sunday; the last six months each as of its own end; the slowest units of the month.
/// </summary>
public sealed class Dashboard(ReportQueries q)
{
    public async Task<DashboardView> GetAsync()
    {
        var me = await q.DemandProvinceWideAsync();
        var now = q.Now;
        var today = ProvinceTime.LocalDate(now);
        var first = new DateOnly(today.Year, today.Month, 1);
        var trendFrom = first.AddMonths(-5);
        var weekEnd = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7);
        var monthEnd = ReportPeriod.Month(today.Year, today.Month).To;

        // One load for everything: the widest period, as of now; each figure then replays to its own moment.
        var (assignments, items) = await q.LoadAsync(new ReportPeriod(trendFrom, weekEnd > monthEnd ? weekEnd : monthEnd), now, includeSecret: true);
        var month = await q.NameAsync(AsOfStatistics.Compute(assignments, ReportPeriod.Month(today.Year, today.Month), now), ReportDimension.Unit, items);

        var mineRows = month.Report.Rows.Where(r => r.Assignment.DirectingLeaderId == me.UserId).ToList();
        var mine = GroupStatistics.Of(new GroupKey(ReportDimension.DirectingLeader, me.UserId.ToString("D")), mineRows);
        var mineOverdue = mineRows.Where(r => r.Class == AssignmentClass.InProgressOverdue).OrderByDescending(r => r.DaysOverdue).ToList();

        var byUnit = month.Groups.Select(g => new UnitBar(Guid.Parse(g.Key), g.Label, g.Statistics.InProgressOverdue, g.Statistics)).ToList();
        var overdueByUnit = byUnit.Where(u => u.Count > 0).OrderByDescending(u => u.Count).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

        var week = AsOfStatistics.Compute(assignments, new ReportPeriod(today, weekEnd), now, new AsOfOptions(IncludeCarriedOver: false));
        var dueThisWeek = week.Rows.Where(r => r.Class == AssignmentClass.InProgressWithinDeadline)
            .OrderBy(r => r.Deadline).ThenBy(r => r.Assignment.AssignmentId).ToList();

        var trend = new List<MonthPoint>();
        for (var m = trendFrom; m <= first; m = m.AddMonths(1))
        {
            var asOf = ReportOutputs.MonthEndOrNow(m.Year, m.Month, now);
            trend.Add(new MonthPoint(m.Year, m.Month, AsOfStatistics.Compute(assignments, ReportPeriod.Month(m.Year, m.Month), asOf).Total, asOf));
        }

        var slowest = byUnit.Where(u => u.Statistics.InProgressOverdue + u.Statistics.CompletedLate > 0)
            .OrderBy(u => u.Statistics.TimelyRate ?? 1m).ThenByDescending(u => u.Statistics.InProgressOverdue).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Take(5).ToList();

        return new DashboardView(month.PeopleNames.GetValueOrDefault(me.UserId, ""), month with { }, mine, mineOverdue, overdueByUnit, dueThisWeek, weekEnd,
            trend, slowest);
    }
}
