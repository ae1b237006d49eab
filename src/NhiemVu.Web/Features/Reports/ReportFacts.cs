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
    /// <summary>1 for a fact as of T; in <see cref="ReportFacts.ChangesBetween"/>, +1 for a stretch that began, −1 for one that ended.</summary>
    public int Sign { get; init; }
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
}

/// <summary>
/// The as-of rules of <see cref="AsOfStatistics"/> as one query over <see cref="AssignmentReportInterval"/>: the rows valid
/// at T (<c>ValidFromUtc &lt;= T &lt; ValidToUtc</c>) that belong to the period — deadline in it; no deadline and assigned
/// in it; or (carried over) deadline before it and still open at T or reported on or after its first day — each through
/// an index of its own; the class of open work by T's local date; the grouping keys stored with the interval (no join).
/// </summary>
public static class ReportFacts
{
    private const int Early = (int)AssignmentClass.CompletedEarly, OnTime = (int)AssignmentClass.CompletedOnTime,
        Late = (int)AssignmentClass.CompletedLate, Within = (int)AssignmentClass.InProgressWithinDeadline,
        Overdue = (int)AssignmentClass.InProgressOverdue, NoDeadline = (int)AssignmentClass.NoDeadline;

    /// <summary>The facts of the period as of <paramref name="asOfUtc"/>: the intervals valid then (each with <see cref="ReportFact.Sign"/> 1).</summary>
    public static IQueryable<ReportFact> Of(AppDbContext db, ReportPeriod period, DateTimeOffset asOfUtc, bool includeSecret, AsOfOptions options) =>
        Facts(db.ReportIntervals.AsNoTracking().Where(x => x.ValidFromUtc <= asOfUtc && x.ValidToUtc > asOfUtc), period, asOfUtc, includeSecret, options,
            x => 1);

    /// <summary>
    /// What turns the facts as of <paramref name="sinceUtc"/> into those as of <paramref name="asOfUtc"/> (later, on the same local
    /// day, so open work is classed alike): the intervals that began in between (+1) and those that ended in between (−1); one
    /// that did both cancels out. Read through the indexes on the two moments, so its cost is the number of changes, not the data.
    /// </summary>
    public static IQueryable<ReportFact> ChangesBetween(AppDbContext db, ReportPeriod period, DateTimeOffset sinceUtc, DateTimeOffset asOfUtc,
        bool includeSecret, AsOfOptions options)
    {
        if (ProvinceTime.LocalDate(sinceUtc) != ProvinceTime.LocalDate(asOfUtc) || sinceUtc > asOfUtc)
            throw new ArgumentOutOfRangeException(nameof(sinceUtc), "The changes are counted between two moments of one local day, in order.");
        return Facts(db.ReportIntervals.AsNoTracking().Where(x => (x.ValidFromUtc > sinceUtc && x.ValidFromUtc <= asOfUtc)
                                                                   || (x.ValidToUtc > sinceUtc && x.ValidToUtc <= asOfUtc)),
            period, asOfUtc, includeSecret, options,
            x => (x.ValidFromUtc > sinceUtc && x.ValidFromUtc <= asOfUtc ? 1 : 0) - (x.ValidToUtc > sinceUtc && x.ValidToUtc <= asOfUtc ? 1 : 0));
    }

    /// <summary>
    /// What turns the facts as of <paramref name="sinceUtc"/> into those as of <paramref name="asOfUtc"/>, on any later
    /// day, as parts whose signed figures add up: the stretches valid at <paramref name="sinceUtc"/> that ended by
    /// <paramref name="asOfUtc"/> (−1, classed as at <paramref name="sinceUtc"/>, as they were counted); those that began in
    /// between and are valid at <paramref name="asOfUtc"/> (+1, classed as at it); and the open work valid at both whose
    /// deadline passed in between — from T's date on open work is overdue, not within its deadline — (+1 as at
    /// <paramref name="asOfUtc"/>, −1 as at <paramref name="sinceUtc"/>). Each part is read through an index on a moment or
    /// on the deadline, so the cost is the changes and the deadlines between, not the data.
    /// </summary>
    public static IEnumerable<IQueryable<ReportFact>> ChangesAcross(AppDbContext db, ReportPeriod period, DateTimeOffset sinceUtc, DateTimeOffset asOfUtc,
        bool includeSecret, AsOfOptions options)
    {
        if (sinceUtc > asOfUtc) throw new ArgumentOutOfRangeException(nameof(sinceUtc), "The changes are counted from a moment to a later one.");
        var intervals = db.ReportIntervals.AsNoTracking();
        yield return Facts(intervals.Where(x => x.ValidFromUtc <= sinceUtc && x.ValidToUtc > sinceUtc && x.ValidToUtc <= asOfUtc),
            period, sinceUtc, includeSecret, options, x => -1);
        yield return Facts(intervals.Where(x => x.ValidFromUtc > sinceUtc && x.ValidFromUtc <= asOfUtc && x.ValidToUtc > asOfUtc),
            period, asOfUtc, includeSecret, options, x => 1);
        int sinceDay = ProvinceTime.LocalDate(sinceUtc).DayNumber, asOfDay = ProvinceTime.LocalDate(asOfUtc).DayNumber;
        if (sinceDay == asOfDay) yield break;
        var fellDue = intervals.Where(x => x.BaseClass == ListClass.Open && x.DeadlineDay >= sinceDay && x.DeadlineDay < asOfDay
                                           && x.ValidFromUtc <= sinceUtc && x.ValidToUtc > asOfUtc);
        yield return Facts(fellDue, period, asOfUtc, includeSecret, options, x => 1);
        yield return Facts(fellDue, period, sinceUtc, includeSecret, options, x => -1);
    }

    /// <summary>
    /// The facts of <see cref="Of"/> that are open and overdue at <paramref name="asOfUtc"/>, selected the way an index
    /// reads them: with the period's ways in (deadline in it, or carried over) and "open, deadline before T's date" both
    /// reducing to "open, deadline before T's date and no later than the period's end" (and not before its start without
    /// carried-over work). Ordered by deadline, the most overdue come first from <c>IX_report_intervals_overdue</c>.
    /// </summary>
    public static IQueryable<ReportFact> OverdueOf(AppDbContext db, ReportPeriod period, DateTimeOffset asOfUtc, bool includeSecret, AsOfOptions options)
    {
        int from = period.From.DayNumber, asOfDay = ProvinceTime.LocalDate(asOfUtc).DayNumber;
        var before = Math.Min(asOfDay, period.To.DayNumber + 1);
        var open = db.ReportIntervals.AsNoTracking().Where(x => x.BaseClass == ListClass.Open && x.DeadlineDay < before
                                                                && x.ValidFromUtc <= asOfUtc && x.ValidToUtc > asOfUtc);
        if (!options.IncludeCarriedOver) open = open.Where(x => x.DeadlineDay >= from);
        return Facts(open, period, asOfUtc, includeSecret, options, x => 1, periodFilter: false);
    }

    /// <summary>The facts of <see cref="Of"/> without a deadline (assigned in the period: the one way they enter it), read
    /// through <c>IX_report_intervals_no_deadline</c>.</summary>
    public static IQueryable<ReportFact> NoDeadlineOf(AppDbContext db, ReportPeriod period, DateTimeOffset asOfUtc, bool includeSecret, AsOfOptions options)
    {
        int from = period.From.DayNumber, to = period.To.DayNumber;
        var none = db.ReportIntervals.AsNoTracking().Where(x => x.DeadlineDay == null && x.AssignedDay >= from && x.AssignedDay <= to
                                                                && x.ValidFromUtc <= asOfUtc && x.ValidToUtc > asOfUtc);
        return Facts(none, period, asOfUtc, includeSecret, options, x => 1, periodFilter: false);
    }

    private static IQueryable<ReportFact> Facts(IQueryable<AssignmentReportInterval> intervals, ReportPeriod period, DateTimeOffset asOfUtc,
        bool includeSecret, AsOfOptions options, Expression<Func<AssignmentReportInterval, int>> sign, bool periodFilter = true)
    {
        int from = period.From.DayNumber, to = period.To.DayNumber, asOfDay = ProvinceTime.LocalDate(asOfUtc).DayNumber;
        var exclude = options.ExcludeIncomplete;
        if (periodFilter) intervals = options.IncludeCarriedOver
            ? intervals.Where(x => (x.DeadlineDay >= from && x.DeadlineDay <= to)
                                   || (x.DeadlineDay == null && x.AssignedDay >= from && x.AssignedDay <= to)
                                   || (x.BaseClass == ListClass.Open && x.DeadlineDay < from)
                                   || (x.SubmittedDay >= from && x.DeadlineDay < from))
            : intervals.Where(x => (x.DeadlineDay >= from && x.DeadlineDay <= to)
                                   || (x.DeadlineDay == null && x.AssignedDay >= from && x.AssignedDay <= to));
        if (!includeSecret) intervals = intervals.Where(x => !x.Secret);
        Expression<Func<AssignmentReportInterval, ReportFact>> shape = x => new ReportFact
        {
            Sign = 0,
            AssignmentId = x.AssignmentId,
            TaskId = x.TaskId,
            DocumentId = x.DocumentId,
            UnitId = x.UnitId,
            DirectingLeaderId = x.DirectingLeaderId,
            FieldId = x.FieldId,
            Nature = x.Nature,
            Programme = x.Programme,
            Class = x.BaseClass == ListClass.Open ? (x.DeadlineDay < asOfDay ? Overdue : Within) : (int)x.BaseClass,
            Awaiting = x.Awaiting,
            CarriedOver = x.DeadlineDay < from,
            ApprovedExtensions = x.ApprovedExtensions,
            Explained = x.Explained,
            Incomplete = exclude && ((x.DeadlineDay == null && x.NoDeadlineReasonMissing) || x.DocumentNumberMissing || x.ReportNumberMissing || x.ReportSignerMissing),
            DeadlineDay = x.DeadlineDay,
            SubmittedDay = x.SubmittedDay,
            DaysOverdue = x.BaseClass == ListClass.Open && x.DeadlineDay < asOfDay ? asOfDay - x.DeadlineDay!.Value
                : x.BaseClass == ListClass.CompletedLate ? x.SubmittedDay!.Value - x.DeadlineDay!.Value : 0,
            ReportsEntered = x.ReportsEntered,
            ReportsEnteredInTime = x.ReportsEnteredInTime,
        };
        return intervals.Select(WithBinding(shape, nameof(ReportFact.Sign), sign));
    }

    /// <summary><paramref name="init"/> with the member <paramref name="member"/> bound to <paramref name="value"/> (same parameter).</summary>
    private static Expression<Func<TIn, TOut>> WithBinding<TIn, TOut, TValue>(Expression<Func<TIn, TOut>> init, string member, Expression<Func<TIn, TValue>> value)
    {
        var body = (MemberInitExpression)init.Body;
        var replaced = new ParameterSwap(value.Parameters[0], init.Parameters[0]).Visit(value.Body);
        var bindings = body.Bindings.Select(b => b.Member.Name == member ? Expression.Bind(b.Member, replaced) : b);
        return Expression.Lambda<Func<TIn, TOut>>(Expression.MemberInit(body.NewExpression, bindings), init.Parameters);
    }


    /// <summary>The figures per group of <paramref name="dimension"/> (summed with each fact's sign; every group a counted
    /// fact or change falls in, see <see cref="Combine"/>) and
    /// how many assignments were left out for incomplete information — one scan.</summary>
    public static Task<SettledReportCache.Figures> GroupAsync(IQueryable<ReportFact> facts, ReportDimension dimension) =>
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

    /// <summary>What a fact is counted as: its group and every yes/no a figure depends on. The database groups by all of
    /// it (each expression evaluated once per row), and the few thousand cells are added up here.</summary>
    public sealed class Cell<TKey>
    {
        public TKey Key { get; init; } = default!;
        public bool Incomplete { get; init; }
        public int Class { get; init; }
        public bool Awaiting { get; init; }
        public bool CarriedOver { get; init; }
        public bool Explained { get; init; }
        public bool Submitted { get; init; }
    }

    private sealed class CellCount<TKey>
    {
        public Cell<TKey> Cell { get; init; } = null!;
        public int Count { get; init; }
        public int Extensions { get; init; }
        public int Extended { get; init; }
        public int Entered { get; init; }
        public int EnteredInTime { get; init; }
        public int WithEntry { get; init; }
        public int WithLateEntry { get; init; }
    }

    private static Expression<Func<ReportFact, Cell<TKey>>> CellOf<TKey>(Expression<Func<ReportFact, TKey>> key)
    {
        Expression<Func<ReportFact, Cell<TKey>>> shape = f => new Cell<TKey>
        {
            Key = default!, Incomplete = f.Incomplete, Class = f.Class, Awaiting = f.Awaiting, CarriedOver = f.CarriedOver,
            Explained = f.Explained, Submitted = f.SubmittedDay != null,
        };
        // Put the dimension's key in place of "default": f => new Cell { Key = key(f), … }.
        return WithBinding(shape, nameof(Cell<TKey>.Key), key);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static async Task<SettledReportCache.Figures> GroupAsync<TKey>(IQueryable<ReportFact> facts, ReportDimension dimension,
        Expression<Func<ReportFact, TKey>> key, Func<TKey, string> format)
    {
        var cells = await facts.GroupBy(CellOf(key)).Select(g => new CellCount<TKey>
        {
            Cell = g.Key,
            Count = g.Sum(x => x.Sign),
            Extensions = g.Sum(x => x.Sign * x.ApprovedExtensions),
            Extended = g.Sum(x => x.ApprovedExtensions > 0 ? x.Sign : 0),
            Entered = g.Sum(x => x.Sign * x.ReportsEntered),
            EnteredInTime = g.Sum(x => x.Sign * x.ReportsEnteredInTime),
            WithEntry = g.Sum(x => x.ReportsEntered > 0 ? x.Sign : 0),
            WithLateEntry = g.Sum(x => x.ReportsEnteredInTime < x.ReportsEntered ? x.Sign : 0),
        }).ToListAsync();
        var incomplete = cells.Where(c => c.Cell.Incomplete).Sum(c => c.Count);
        var counted = cells.Where(c => !c.Cell.Incomplete).ToList();
        return new SettledReportCache.Figures(Groups(counted, dimension, format), incomplete);
    }

    private static List<GroupStatistics> Groups<TKey>(List<CellCount<TKey>> cells, ReportDimension dimension, Func<TKey, string> format) =>
        cells.GroupBy(c => format(c.Cell.Key))
            .Select(g =>
            {
                int N(Func<CellCount<TKey>, bool> p) => g.Where(p).Sum(c => c.Count);
                return new GroupStatistics(new GroupKey(dimension, g.Key), g.Sum(c => c.Count),
                    N(c => c.Cell.Class == Early), N(c => c.Cell.Class == OnTime), N(c => c.Cell.Class == Late), N(c => c.Cell.Class == Within),
                    N(c => c.Cell.Class == Overdue), N(c => c.Cell.Class == NoDeadline), N(c => c.Cell.Class == NoDeadline && c.Cell.Submitted),
                    N(c => c.Cell.Awaiting), N(c => c.Cell.CarriedOver), g.Sum(c => c.Extensions), g.Sum(c => c.Extended),
                    N(c => (c.Cell.Class == Overdue || c.Cell.Class == Late) && !c.Cell.Explained),
                    g.Sum(c => c.Entered), g.Sum(c => c.EnteredInTime), g.Sum(c => c.WithEntry), g.Sum(c => c.WithLateEntry));
            })
            .OrderBy(s => s.Key.Value, StringComparer.Ordinal).ToList();

    /// <summary>The figures of <paramref name="a"/> plus the (signed) ones of every change set in <paramref name="changes"/>,
    /// groups left with no counted assignment dropped: the facts as of an earlier moment and the changes since give the
    /// facts as of now. (Only the sum is filtered: a change set alone has negative groups.)</summary>
    public static SettledReportCache.Figures Combine(SettledReportCache.Figures a, params IReadOnlyList<SettledReportCache.Figures> changes) =>
        new(Add(a.Groups.Concat(changes.SelectMany(c => c.Groups))), a.Incomplete + changes.Sum(c => c.Incomplete));

    private static List<GroupStatistics> Add(IEnumerable<GroupStatistics> groups) =>
        groups.GroupBy(g => g.Key.Value).Select(g => GroupStatistics.Sum(g.First().Key, g))
            .Where(s => s.Total > 0)
            .OrderBy(s => s.Key.Value, StringComparer.Ordinal).ToList();

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
