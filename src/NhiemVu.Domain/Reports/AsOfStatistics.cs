using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Reports;

/// <summary>What a report groups by.</summary>
public enum ReportDimension
{
    /// <summary>The lead unit holding the assignment at the report's moment (replayed, so a transfer
    /// after the moment does not move it).</summary>
    Unit = 0,
    /// <summary>Người chỉ đạo of the task.</summary>
    DirectingLeader = 1,
    /// <summary>Lĩnh vực (task's field, else the document's); "" when none.</summary>
    Field = 2,
    /// <summary>Tính chất: trọng tâm / thường xuyên / đột xuất.</summary>
    Nature = 3,
    /// <summary>Chương trình công tác (of the province, of the Party Committee, none).</summary>
    Programme = 4,
    /// <summary>Văn bản chỉ đạo.</summary>
    Document = 5,
}

/// <summary>A group: its dimension and value — a Guid ("D" format) for ids, the enum member's name
/// for <see cref="ReportDimension.Nature"/> / <see cref="ReportDimension.Programme"/>, "" for none.</summary>
public readonly record struct GroupKey(ReportDimension Dimension, string Value)
{
    public Guid? AsGuid() => Guid.TryParse(Value, out var g) ? g : null;
    public TEnum? AsEnum<TEnum>() where TEnum : struct, Enum => Enum.TryParse<TEnum>(Value, out var e) ? e : null;
    public override string ToString() => $"{Dimension}:{Value}";
}

/// <summary>How the period selects assignments.</summary>
/// <param name="IncludeCarriedOver">Also count "nhiệm vụ chuyển tiếp": a deadline before the period
/// and not completed before it starts (still open at the moment, or its report submitted on or after
/// the first day). Default true, so a month's report never hides the overdue backlog.</param>
/// <param name="ExcludeIncomplete">Leave out assignments with incomplete information (seed 003);
/// they are listed in <see cref="AsOfReport.Incomplete"/>. Default true.</param>
public sealed record AsOfOptions(bool IncludeCarriedOver = true, bool ExcludeIncomplete = true)
{
    public static readonly AsOfOptions Default = new();
}

/// <summary>One counted assignment, classified as of the moment.</summary>
/// <param name="UnitId">The unit holding it at the moment.</param>
/// <param name="AssignedOn">Local date of its Assigned event.</param>
/// <param name="CarriedOver">Deadline before the period, not completed before the period started.</param>
/// <param name="Explained">A giải trình was given by the moment, after its last transfer by then.</param>
/// <param name="LacksExplanation">Overdue or completed late, and not <see cref="Explained"/>.</param>
/// <param name="DaysOverdue">Overdue: calendar days from the deadline day to the moment's local date;
/// completed late: days from the deadline day to the report's submission date; else 0.</param>
/// <param name="ReportsEntered">Result reports the unit holding it entered by the moment (every submission, returned ones too).</param>
/// <param name="ReportsEnteredInTime">Of those, entered in time (<see cref="ReportEntry.InTime"/>, fixed at entry).</param>
public sealed record AssignmentRow(
    ReportAssignment Assignment,
    AssignmentClassification Classification,
    Guid UnitId,
    DateOnly AssignedOn,
    bool CarriedOver,
    bool Explained,
    bool LacksExplanation,
    int DaysOverdue,
    int ReportsEntered = 0,
    int ReportsEnteredInTime = 0)
{
    public AssignmentClass Class => Classification.Class!.Value;
    public bool AwaitingConfirmation => Classification.AwaitingConfirmation;
    public DateOnly? Deadline => Classification.Deadline;
    public int ApprovedExtensions => Classification.Snapshot.ApprovedExtensionCount;

    public GroupKey KeyFor(ReportDimension d) => new(d, d switch
    {
        ReportDimension.Unit => UnitId.ToString("D"),
        ReportDimension.DirectingLeader => Assignment.DirectingLeaderId.ToString("D"),
        ReportDimension.Field => Assignment.FieldId?.ToString("D") ?? "",
        ReportDimension.Nature => Assignment.Nature.ToString(),
        ReportDimension.Programme => Assignment.Programme.ToString(),
        ReportDimension.Document => Assignment.DocumentId.ToString("D"),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    });
}

/// <summary>An assignment of the period left out of the figures for incomplete information.</summary>
public sealed record IncompleteAssignment(ReportAssignment Assignment, Guid UnitId, IReadOnlyList<IncompleteReason> Reasons);

/// <summary>The national system's 2×2: "on time" there is early + on time here.</summary>
public sealed record NationalTwoByTwo(int CompletedOnTime, int CompletedLate, int NotCompletedWithinDeadline, int NotCompletedOverdue)
{
    public int Total => CompletedOnTime + CompletedLate + NotCompletedWithinDeadline + NotCompletedOverdue;
}

/// <summary>
/// The figures of a group. Only scalars, so two results compare by value.
/// <list type="bullet">
/// <item><see cref="Total"/>: counted assignments of the period (with and without deadline).</item>
/// <item><see cref="WithDeadline"/> = the five timed classes; no-deadline assignments never enter a rate.</item>
/// <item><see cref="CompletionRate"/> = (early + on time + late) / <see cref="WithDeadline"/>.</item>
/// <item><see cref="OnTimeRate"/> = (early + on time) / (early + on time + late): the share of
/// completed work (with a deadline) that was completed by its deadline day — the figure the
/// national 2×2 calls "hoàn thành đúng hạn" over all completed.</item>
/// <item><see cref="TimelyRate"/> = (early + on time) / <see cref="WithDeadline"/>: also counts open
/// overdue work against the unit (used by the emulation ranking's defaults).</item>
/// </list>
/// Rates are fractions in [0, 1], null when the denominator is 0 (shown as "—", never as 0 % or 100 %).
/// Assignments awaiting confirmation count in their completed class and in <see cref="AwaitingConfirmation"/>.
/// </summary>
public sealed record GroupStatistics(
    GroupKey Key,
    int Total,
    int CompletedEarly,
    int CompletedOnTime,
    int CompletedLate,
    int InProgressWithinDeadline,
    int InProgressOverdue,
    int NoDeadline,
    int NoDeadlineCompleted,
    int AwaitingConfirmation,
    int CarriedOver,
    int ApprovedExtensions,
    int AssignmentsExtended,
    int MissingExplanation,
    int ReportsEntered = 0,
    int ReportsEnteredInTime = 0,
    int AssignmentsWithReportEntry = 0,
    int AssignmentsWithLateReportEntry = 0)
{
    public int WithDeadline => CompletedEarly + CompletedOnTime + CompletedLate + InProgressWithinDeadline + InProgressOverdue;
    public int CompletedWithDeadline => CompletedEarly + CompletedOnTime + CompletedLate;
    public int CompletedTotal => CompletedWithDeadline + NoDeadlineCompleted;
    public int InProgress => InProgressWithinDeadline + InProgressOverdue;
    public decimal? CompletionRate => Rate(CompletedWithDeadline, WithDeadline);
    public decimal? OnTimeRate => Rate(CompletedEarly + CompletedOnTime, CompletedWithDeadline);
    public decimal? TimelyRate => Rate(CompletedEarly + CompletedOnTime, WithDeadline);
    /// <summary>Nhập đúng hạn: result reports entered in time / result reports entered (domain.md "Time rules").</summary>
    public decimal? EntryTimelinessRate => Rate(ReportsEnteredInTime, ReportsEntered);
    public NationalTwoByTwo National => new(CompletedEarly + CompletedOnTime, CompletedLate, InProgressWithinDeadline, InProgressOverdue);

    public static decimal? Rate(int numerator, int denominator) => denominator == 0 ? null : (decimal)numerator / denominator;

    /// <summary>The figures of several disjoint groups together (every figure is a count or a sum).</summary>
    public static GroupStatistics Sum(GroupKey key, IEnumerable<GroupStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var s = new GroupStatistics(key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var g in groups)
            s = s with
            {
                Total = s.Total + g.Total, CompletedEarly = s.CompletedEarly + g.CompletedEarly, CompletedOnTime = s.CompletedOnTime + g.CompletedOnTime,
                CompletedLate = s.CompletedLate + g.CompletedLate, InProgressWithinDeadline = s.InProgressWithinDeadline + g.InProgressWithinDeadline,
                InProgressOverdue = s.InProgressOverdue + g.InProgressOverdue, NoDeadline = s.NoDeadline + g.NoDeadline,
                NoDeadlineCompleted = s.NoDeadlineCompleted + g.NoDeadlineCompleted, AwaitingConfirmation = s.AwaitingConfirmation + g.AwaitingConfirmation,
                CarriedOver = s.CarriedOver + g.CarriedOver, ApprovedExtensions = s.ApprovedExtensions + g.ApprovedExtensions,
                AssignmentsExtended = s.AssignmentsExtended + g.AssignmentsExtended, MissingExplanation = s.MissingExplanation + g.MissingExplanation,
                ReportsEntered = s.ReportsEntered + g.ReportsEntered, ReportsEnteredInTime = s.ReportsEnteredInTime + g.ReportsEnteredInTime,
                AssignmentsWithReportEntry = s.AssignmentsWithReportEntry + g.AssignmentsWithReportEntry,
                AssignmentsWithLateReportEntry = s.AssignmentsWithLateReportEntry + g.AssignmentsWithLateReportEntry,
            };
        return s;
    }

    public static GroupStatistics Of(GroupKey key, IEnumerable<AssignmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int total = 0, early = 0, onTime = 0, late = 0, within = 0, overdue = 0, noDl = 0, noDlDone = 0,
            awaiting = 0, carried = 0, ext = 0, extended = 0, missing = 0, entered = 0, enteredInTime = 0, withEntry = 0, withLate = 0;
        foreach (var r in rows)
        {
            total++;
            switch (r.Class)
            {
                case AssignmentClass.CompletedEarly: early++; break;
                case AssignmentClass.CompletedOnTime: onTime++; break;
                case AssignmentClass.CompletedLate: late++; break;
                case AssignmentClass.InProgressWithinDeadline: within++; break;
                case AssignmentClass.InProgressOverdue: overdue++; break;
                case AssignmentClass.NoDeadline:
                    noDl++;
                    if (r.Classification.DecidingSubmissionAtUtc is not null) noDlDone++;
                    break;
            }
            if (r.AwaitingConfirmation) awaiting++;
            if (r.CarriedOver) carried++;
            ext += r.ApprovedExtensions;
            if (r.ApprovedExtensions > 0) extended++;
            if (r.LacksExplanation) missing++;
            entered += r.ReportsEntered;
            enteredInTime += r.ReportsEnteredInTime;
            if (r.ReportsEntered > 0) withEntry++;
            if (r.ReportsEnteredInTime < r.ReportsEntered) withLate++;
        }
        return new(key, total, early, onTime, late, within, overdue, noDl, noDlDone, awaiting, carried, ext, extended, missing,
            entered, enteredInTime, withEntry, withLate);
    }
}

/// <summary>The result of <see cref="AsOfStatistics.Compute"/>.</summary>
public sealed class AsOfReport
{
    internal AsOfReport(ReportPeriod period, DateTimeOffset asOfUtc, IReadOnlyList<AssignmentRow> rows, IReadOnlyList<IncompleteAssignment> incomplete)
    {
        Period = period;
        AsOfUtc = asOfUtc;
        Rows = rows;
        Incomplete = incomplete;
        Total = GroupStatistics.Of(new GroupKey(ReportDimension.Unit, "*"), rows);
    }

    public ReportPeriod Period { get; }
    public DateTimeOffset AsOfUtc { get; }
    /// <summary>Local date of the moment (the day "as of" which overdue is judged).</summary>
    public DateOnly AsOfDate => ProvinceTime.LocalDate(AsOfUtc);
    /// <summary>The counted assignments, ordered by assignment id (deterministic).</summary>
    public IReadOnlyList<AssignmentRow> Rows { get; }
    /// <summary>Assignments of the period left out for incomplete information (seed 003).</summary>
    public IReadOnlyList<IncompleteAssignment> Incomplete { get; }
    /// <summary>All counted assignments (key value "*").</summary>
    public GroupStatistics Total { get; }

    /// <summary>Figures per group, ordered by key value (ordinal).</summary>
    public IReadOnlyList<GroupStatistics> By(ReportDimension dimension) =>
        Rows.GroupBy(r => r.KeyFor(dimension))
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => GroupStatistics.Of(g.Key, g))
            .ToList();

    /// <summary>Overdue list: open and past the deadline day, most days overdue first.</summary>
    public IReadOnlyList<AssignmentRow> Overdue() =>
        Rows.Where(r => r.Class == AssignmentClass.InProgressOverdue)
            .OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Assignment.AssignmentId).ToList();

    /// <summary>Overdue or completed late, without a giải trình by the moment (seed 000).</summary>
    public IReadOnlyList<AssignmentRow> MissingExplanations() => Rows.Where(r => r.LacksExplanation).ToList();

    /// <summary>Counted with a pending report ("chờ xác nhận").</summary>
    public IReadOnlyList<AssignmentRow> AwaitingConfirmation() => Rows.Where(r => r.AwaitingConfirmation).ToList();
}

/// <summary>
/// As-of statistics (domain.md, "Reports"): every figure comes from replaying each assignment's
/// events up to the moment <c>T</c>, so a report for <c>T</c> gives the same figures whenever it is
/// run, whatever happens after <c>T</c>.
/// <para><b>The period ("kỳ báo cáo")</b> is a range of local dates [from, to]. An assignment that
/// exists and is not cancelled at <c>T</c> belongs to it when, with its deadline as of <c>T</c>
/// (after the extensions and transfers made by <c>T</c>):</para>
/// <list type="number">
/// <item>its deadline falls in the period ("nhiệm vụ đến hạn trong kỳ"); or</item>
/// <item>it has no deadline and was assigned in the period (local date of the Assigned event); or</item>
/// <item>(<see cref="AsOfOptions.IncludeCarriedOver"/>) its deadline is before the period and it was
/// not completed before the period started ("nhiệm vụ chuyển tiếp": still open at <c>T</c>, or its
/// deciding report was submitted on or after the first day).</item>
/// </list>
/// Provincial monthly reports count "nhiệm vụ đến hạn trong tháng" and carry the unfinished overdue
/// work forward ("lũy kế"); assignments not yet due are not results of the period. Summing months
/// therefore double-counts carried-over work; a year is its own period (<see cref="ReportPeriod.Year"/>).
/// </summary>
public static class AsOfStatistics
{
    public static AsOfReport Compute(IEnumerable<ReportAssignment> assignments, ReportPeriod period, DateTimeOffset asOfUtc, AsOfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        options ??= AsOfOptions.Default;
        var rows = new List<AssignmentRow>();
        var incomplete = new List<IncompleteAssignment>();
        foreach (var a in assignments.OrderBy(a => a.AssignmentId))
        {
            var events = a.Events.OrderBy(e => e.Sequence).ToList();
            var c = Classifier.Classify(events, asOfUtc);
            if (!c.IsCounted) continue;
            var assignedOn = ProvinceTime.LocalDate(events[0].AtUtc);
            var carriedOver = false;
            if (c.Deadline is { } deadline)
            {
                if (deadline > period.To) continue;
                if (deadline < period.From)
                {
                    if (!options.IncludeCarriedOver) continue;
                    if (c.DecidingSubmissionAtUtc is { } at && ProvinceTime.LocalDate(at) < period.From) continue;
                    carriedOver = true;
                }
            }
            else if (!period.Contains(assignedOn)) continue;

            var unit = c.Snapshot.LeadUnitId;
            var reasons = IncompleteInformation.Reasons(a with { Events = events }, c);
            if (options.ExcludeIncomplete && reasons.Count > 0)
            {
                incomplete.Add(new IncompleteAssignment(a, unit, reasons));
                continue;
            }

            var explained = ExplainedBy(events, asOfUtc);
            var cls = c.Class!.Value;
            var lacks = cls is AssignmentClass.InProgressOverdue or AssignmentClass.CompletedLate && !explained;
            var days = cls switch
            {
                AssignmentClass.InProgressOverdue => DeadlineMath.DaysOverdue(ProvinceTime.LocalDate(asOfUtc), c.Deadline!.Value),
                AssignmentClass.CompletedLate => DeadlineMath.DaysOverdue(ProvinceTime.LocalDate(c.DecidingSubmissionAtUtc!.Value), c.Deadline!.Value),
                _ => 0,
            };
            // Entry timeliness: the result reports this unit had entered by T, as judged when each was entered.
            int entered = 0, enteredInTime = 0;
            foreach (var e in a.Entries ?? [])
            {
                if (e.EnteredAtUtc > asOfUtc || e.UnitId != unit) continue;
                entered++;
                if (e.InTime) enteredInTime++;
            }
            rows.Add(new AssignmentRow(a, c, unit, assignedOn, carriedOver, explained, lacks, days, entered, enteredInTime));
        }
        return new AsOfReport(period, asOfUtc, rows, incomplete);
    }

    /// <summary>A giải trình given by <paramref name="t"/> and after the last transfer by then (the
    /// unit holding the assignment answers for it; the old unit's explanation stays in its history).</summary>
    private static bool ExplainedBy(IReadOnlyList<AssignmentEvent> events, DateTimeOffset t)
    {
        var explained = false;
        foreach (var e in events)
        {
            if (e.AtUtc > t) break;
            if (e.Kind == AssignmentEventKind.Transferred) explained = false;
            else if (e.Kind == AssignmentEventKind.ExplanationGiven) explained = true;
        }
        return explained;
    }
}
