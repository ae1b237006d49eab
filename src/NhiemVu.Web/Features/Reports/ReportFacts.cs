using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>One assignment of a period as of a moment, as the database computes it from the report interval valid then
/// (the same values as <see cref="AssignmentRow"/>; <see cref="Class"/> is an <see cref="AssignmentClass"/>).</summary>
public sealed class ReportFact
{
    public Guid AssignmentId { get; init; }
    public Guid TaskId { get; init; }
    public Guid DocumentId { get; init; }
    public Guid UnitId { get; init; }
    public Guid DirectingLeaderId { get; init; }
    public Guid? FieldId { get; init; }
    public TaskNature Nature { get; init; }
    public TaskProgramme Programme { get; init; }
    public int Class { get; init; }
    public bool Awaiting { get; init; }
    public bool CarriedOver { get; init; }
    public int ApprovedExtensions { get; init; }
    public bool Explained { get; init; }
    public bool Incomplete { get; init; }
    public int? DeadlineDay { get; init; }
    public int? SubmittedDay { get; init; }
    public int DaysOverdue { get; init; }
    public int ReportsEntered { get; init; }
    public int ReportsEnteredInTime { get; init; }
    public string DocumentNumber { get; init; } = "";
    public string? NoDeadlineReason { get; init; }
}

/// <summary>
/// The as-of rules of <see cref="AsOfStatistics"/> as one query over <see cref="AssignmentReportInterval"/>: the rows valid
/// at T (<c>ValidFromUtc &lt;= T &lt; ValidToUtc</c>) that belong to the period — deadline in it; no deadline and assigned
/// in it; or (carried over) deadline before it and still open at T or reported on or after its first day — each through
/// an index of its own; the class of open work by T's local date; grouping keys from the task and its document.
/// </summary>
public static class ReportFacts
{
    private const int Early = (int)AssignmentClass.CompletedEarly, OnTime = (int)AssignmentClass.CompletedOnTime,
        Late = (int)AssignmentClass.CompletedLate, Within = (int)AssignmentClass.InProgressWithinDeadline,
        Overdue = (int)AssignmentClass.InProgressOverdue, NoDeadline = (int)AssignmentClass.NoDeadline;

    public static IQueryable<ReportFact> Of(AppDbContext db, ReportPeriod period, DateTimeOffset asOfUtc, bool includeSecret, AsOfOptions options)
    {
        int from = period.From.DayNumber, to = period.To.DayNumber, asOfDay = ProvinceTime.LocalDate(asOfUtc).DayNumber;
        var exclude = options.ExcludeIncomplete;
        var intervals = db.ReportIntervals.AsNoTracking().Where(x => x.ValidFromUtc <= asOfUtc && x.ValidToUtc > asOfUtc);
        intervals = options.IncludeCarriedOver
            ? intervals.Where(x => (x.DeadlineDay >= from && x.DeadlineDay <= to)
                                   || (x.DeadlineDay == null && x.AssignedDay >= from && x.AssignedDay <= to)
                                   || (x.BaseClass == ListClass.Open && x.DeadlineDay < from)
                                   || (x.SubmittedDay >= from && x.DeadlineDay < from))
            : intervals.Where(x => (x.DeadlineDay >= from && x.DeadlineDay <= to)
                                   || (x.DeadlineDay == null && x.AssignedDay >= from && x.AssignedDay <= to));
        var q = from x in intervals
                join t in db.Tasks on x.TaskId equals t.Id
                join d in db.Documents on t.DocumentId equals d.Id
                select new { x, t, d };
        if (!includeSecret) q = q.Where(r => r.d.Secrecy == Secrecy.Thuong);
        return q.Select(r => new ReportFact
        {
            AssignmentId = r.x.AssignmentId,
            TaskId = r.x.TaskId,
            DocumentId = r.t.DocumentId,
            UnitId = r.x.UnitId,
            DirectingLeaderId = r.t.DirectingLeaderId,
            FieldId = r.t.FieldId ?? r.d.FieldId,
            Nature = r.t.Nature,
            Programme = r.t.Programme,
            Class = r.x.BaseClass == ListClass.Open ? (r.x.DeadlineDay < asOfDay ? Overdue : Within) : (int)r.x.BaseClass,
            Awaiting = r.x.Awaiting,
            CarriedOver = r.x.DeadlineDay < from,
            ApprovedExtensions = r.x.ApprovedExtensions,
            Explained = r.x.Explained,
            Incomplete = exclude && (
                (r.x.DeadlineDay == null && (r.t.NoDeadlineReason == null || r.t.NoDeadlineReason.Trim() == ""))
                || (r.d.Source == SourceKind.Document && r.d.Kind != DirectiveKind.PhieuLayYKien && (r.d.NumberAndSymbol == null || r.d.NumberAndSymbol.Trim() == ""))
                || r.x.ReportNumberMissing || r.x.ReportSignerMissing),
            DeadlineDay = r.x.DeadlineDay,
            SubmittedDay = r.x.SubmittedDay,
            DaysOverdue = r.x.BaseClass == ListClass.Open && r.x.DeadlineDay < asOfDay ? asOfDay - r.x.DeadlineDay!.Value
                : r.x.BaseClass == ListClass.CompletedLate ? r.x.SubmittedDay!.Value - r.x.DeadlineDay!.Value : 0,
            ReportsEntered = r.x.ReportsEntered,
            ReportsEnteredInTime = r.x.ReportsEnteredInTime,
            DocumentNumber = r.d.NumberAndSymbol,
            NoDeadlineReason = r.t.NoDeadlineReason,
        });
    }

    /// <summary>The figures per group of <paramref name="dimension"/> (groups with no counted assignment left out) and
    /// how many assignments were left out for incomplete information — one scan.</summary>
    public static Task<(List<GroupStatistics> Groups, int Incomplete)> GroupAsync(IQueryable<ReportFact> facts, ReportDimension dimension) =>
        dimension switch
        {
            ReportDimension.Unit => GroupAsync(facts, dimension, f => f.UnitId, k => k.ToString("D")),
            ReportDimension.DirectingLeader => GroupAsync(facts, dimension, f => f.DirectingLeaderId, k => k.ToString("D")),
            ReportDimension.Field => GroupAsync(facts, dimension, f => f.FieldId, k => k?.ToString("D") ?? ""),
            ReportDimension.Nature => GroupAsync(facts, dimension, f => f.Nature, k => k.ToString()),
            ReportDimension.Programme => GroupAsync(facts, dimension, f => f.Programme, k => k.ToString()),
            ReportDimension.Document => GroupAsync(facts, dimension, f => f.DocumentId, k => k.ToString("D")),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };

    private sealed class Agg<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Incomplete { get; init; }
        public int Total { get; init; }
        public int Early { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
        public int Within { get; init; }
        public int Overdue { get; init; }
        public int NoDeadline { get; init; }
        public int NoDeadlineDone { get; init; }
        public int Awaiting { get; init; }
        public int Carried { get; init; }
        public int Extensions { get; init; }
        public int Extended { get; init; }
        public int Missing { get; init; }
        public int Entered { get; init; }
        public int EnteredInTime { get; init; }
        public int WithEntry { get; init; }
        public int WithLateEntry { get; init; }
    }

    private static async Task<(List<GroupStatistics>, int)> GroupAsync<TKey>(IQueryable<ReportFact> facts, ReportDimension dimension,
        Expression<Func<ReportFact, TKey>> key, Func<TKey, string> format)
    {
        var rows = await facts.GroupBy(key).Select(g => new Agg<TKey>
        {
            Key = g.Key,
            Incomplete = g.Count(x => x.Incomplete),
            Total = g.Count(x => !x.Incomplete),
            Early = g.Count(x => !x.Incomplete && x.Class == Early),
            OnTime = g.Count(x => !x.Incomplete && x.Class == OnTime),
            Late = g.Count(x => !x.Incomplete && x.Class == Late),
            Within = g.Count(x => !x.Incomplete && x.Class == Within),
            Overdue = g.Count(x => !x.Incomplete && x.Class == Overdue),
            NoDeadline = g.Count(x => !x.Incomplete && x.Class == NoDeadline),
            NoDeadlineDone = g.Count(x => !x.Incomplete && x.Class == NoDeadline && x.SubmittedDay != null),
            Awaiting = g.Count(x => !x.Incomplete && x.Awaiting),
            Carried = g.Count(x => !x.Incomplete && x.CarriedOver),
            Extensions = g.Sum(x => x.Incomplete ? 0 : x.ApprovedExtensions),
            Extended = g.Count(x => !x.Incomplete && x.ApprovedExtensions > 0),
            Missing = g.Count(x => !x.Incomplete && (x.Class == Overdue || x.Class == Late) && !x.Explained),
            Entered = g.Sum(x => x.Incomplete ? 0 : x.ReportsEntered),
            EnteredInTime = g.Sum(x => x.Incomplete ? 0 : x.ReportsEnteredInTime),
            WithEntry = g.Count(x => !x.Incomplete && x.ReportsEntered > 0),
            WithLateEntry = g.Count(x => !x.Incomplete && x.ReportsEnteredInTime < x.ReportsEntered),
        }).ToListAsync();
        var groups = rows.Where(r => r.Total > 0).Select(r => new GroupStatistics(new GroupKey(dimension, format(r.Key)), r.Total, r.Early, r.OnTime,
                r.Late, r.Within, r.Overdue, r.NoDeadline, r.NoDeadlineDone, r.Awaiting, r.Carried, r.Extensions, r.Extended, r.Missing,
                r.Entered, r.EnteredInTime, r.WithEntry, r.WithLateEntry))
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal).ToList();
        return (groups, rows.Sum(r => r.Incomplete));
    }

    /// <summary>The facts of one group (<see cref="GroupKey.Value"/> as the report shows it); no fact when the key is not one.</summary>
    public static Expression<Func<ReportFact, bool>> KeyIs(ReportDimension dimension, string key)
    {
        var id = Guid.TryParse(key, out var g) ? g : (Guid?)null;
        switch (dimension)
        {
            case ReportDimension.Unit when id is { } u: return f => f.UnitId == u;
            case ReportDimension.DirectingLeader when id is { } p: return f => f.DirectingLeaderId == p;
            case ReportDimension.Document when id is { } d: return f => f.DocumentId == d;
            case ReportDimension.Field when key.Length == 0: return f => f.FieldId == null;
            case ReportDimension.Field when id is { } fi: return f => f.FieldId == fi;
            case ReportDimension.Nature when Enum.TryParse<TaskNature>(key, out var n): return f => f.Nature == n;
            case ReportDimension.Programme when Enum.TryParse<TaskProgramme>(key, out var pr): return f => f.Programme == pr;
            default: return f => false;
        }
    }

    /// <summary>The facts a figure counts (what its drill-down lists).</summary>
    public static Expression<Func<ReportFact, bool>> Measure(ReportMeasure m) => m switch
    {
        ReportMeasure.Total => f => true,
        ReportMeasure.CompletedEarly => f => f.Class == Early,
        ReportMeasure.CompletedOnTime => f => f.Class == OnTime,
        ReportMeasure.CompletedLate => f => f.Class == Late,
        ReportMeasure.InProgressWithinDeadline => f => f.Class == Within,
        ReportMeasure.InProgressOverdue => f => f.Class == Overdue,
        ReportMeasure.NoDeadline => f => f.Class == NoDeadline,
        ReportMeasure.AwaitingConfirmation => f => f.Awaiting,
        ReportMeasure.Extended => f => f.ApprovedExtensions > 0,
        ReportMeasure.MissingExplanation => f => (f.Class == Overdue || f.Class == Late) && !f.Explained,
        ReportMeasure.CarriedOver => f => f.CarriedOver,
        ReportMeasure.Completed => f => f.Class == Early || f.Class == OnTime || f.Class == Late,
        ReportMeasure.WithDeadline => f => f.Class != NoDeadline,
        ReportMeasure.CompletedByDeadline => f => f.Class == Early || f.Class == OnTime,
        ReportMeasure.ReportEntered => f => f.ReportsEntered > 0,
        ReportMeasure.ReportEntryLate => f => f.ReportsEnteredInTime < f.ReportsEntered,
        _ => f => false,
    };
}
