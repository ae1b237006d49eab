using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Assignments;

/// <summary>What every report counts (domain.md, "Classification").</summary>
public enum AssignmentClass
{
    /// <summary>Hoàn thành trước hạn: report submitted before the deadline day.</summary>
    CompletedEarly = 0,
    /// <summary>Hoàn thành đúng hạn: report submitted on the deadline day.</summary>
    CompletedOnTime = 1,
    /// <summary>Hoàn thành trễ hạn: report submitted after the deadline day.</summary>
    CompletedLate = 2,
    /// <summary>Đang thực hiện trong hạn.</summary>
    InProgressWithinDeadline = 3,
    /// <summary>Đang thực hiện quá hạn.</summary>
    InProgressOverdue = 4,
    /// <summary>Không có thời hạn: listed, never counted in on-time rates.</summary>
    NoDeadline = 5,
}

/// <summary>Why an assignment is not counted at all as of a moment.</summary>
public enum NotCountedReason
{
    /// <summary>It did not exist yet at the moment.</summary>
    NotYetAssigned = 0,
    /// <summary>It was cancelled by the moment.</summary>
    Cancelled = 1,
}

/// <summary>The national system's 2×2 ("on time" = early + on time here).</summary>
public enum NationalClass
{
    CompletedOnTime = 0,
    CompletedLate = 1,
    NotCompletedWithinDeadline = 2,
    NotCompletedOverdue = 3,
}

/// <summary>The class of one assignment as of a moment.</summary>
/// <param name="Class">Null when not counted (see <paramref name="NotCounted"/>).</param>
/// <param name="AwaitingConfirmation">Classed by a pending report's submission time; the office has not decided yet.</param>
/// <param name="DecidingSubmissionAtUtc">The submission time of the report that decided a Completed* class.</param>
public sealed record AssignmentClassification(
    AssignmentClass? Class,
    NotCountedReason? NotCounted,
    bool AwaitingConfirmation,
    DateOnly? Deadline,
    DateTimeOffset? DecidingSubmissionAtUtc,
    AssignmentSnapshot Snapshot)
{
    public bool IsCounted => Class is not null;

    /// <summary>Counts in on-time / completion rates (counted and has a deadline).</summary>
    public bool CountsForTimeliness => Class is { } c && c != AssignmentClass.NoDeadline;

    public NationalClass? National => Class?.ToNational();

    /// <summary>Completed or (flagged) awaiting confirmation of a report.</summary>
    public bool IsCompletedClass => Class is AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime or AssignmentClass.CompletedLate;
}

public static class AssignmentClassExtensions
{
    /// <summary>The national 2×2; null for <see cref="AssignmentClass.NoDeadline"/> (not counted there either).</summary>
    public static NationalClass? ToNational(this AssignmentClass c) => c switch
    {
        AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime => NationalClass.CompletedOnTime,
        AssignmentClass.CompletedLate => NationalClass.CompletedLate,
        AssignmentClass.InProgressWithinDeadline => NationalClass.NotCompletedWithinDeadline,
        AssignmentClass.InProgressOverdue => NationalClass.NotCompletedOverdue,
        _ => null,
    };
}

/// <summary>Classifies an assignment as of a moment, from its events (pure).</summary>
public static class Classifier
{
    /// <summary>Replays <paramref name="events"/> up to <paramref name="t"/> and classifies.</summary>
    public static AssignmentClassification Classify(IEnumerable<AssignmentEvent> events, DateTimeOffset t) =>
        Classify(AssignmentReplay.StateAt(events, t), t);

    /// <summary>Classifies a snapshot taken at <paramref name="t"/>.</summary>
    public static AssignmentClassification Classify(AssignmentSnapshot s, DateTimeOffset t)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!s.Exists)
            return new(null, NotCountedReason.NotYetAssigned, false, null, null, s);
        if (s.State == AssignmentState.Cancelled)
            return new(null, NotCountedReason.Cancelled, false, s.Deadline, null, s);

        var awaiting = s.State == AssignmentState.AwaitingReview;
        DateTimeOffset? submission = s.State switch
        {
            AssignmentState.Completed => s.CompletedAtUtc,
            AssignmentState.AwaitingReview => s.PendingReportSubmittedAtUtc,
            _ => null,
        };

        if (s.Deadline is not { } deadline)
            return new(AssignmentClass.NoDeadline, null, awaiting, null, submission, s);

        if (submission is { } at)
            return new(CompletionClass(ProvinceTime.LocalDate(at), deadline), null, awaiting, deadline, at, s);

        var asOf = ProvinceTime.LocalDate(t);
        var cls = asOf <= deadline ? AssignmentClass.InProgressWithinDeadline : AssignmentClass.InProgressOverdue;
        return new(cls, null, false, deadline, null, s);
    }

    /// <summary>Early / on time / late from the local date of the report's submission and the deadline day.</summary>
    public static AssignmentClass CompletionClass(DateOnly submittedLocalDate, DateOnly deadline) =>
        submittedLocalDate < deadline ? AssignmentClass.CompletedEarly
        : submittedLocalDate == deadline ? AssignmentClass.CompletedOnTime
        : AssignmentClass.CompletedLate;

    /// <summary>Sắp đến hạn: in progress within deadline, and the deadline is within
    /// <paramref name="workingDays"/> working days of the moment's local date.</summary>
    public static bool IsDueSoon(AssignmentClassification c, DateTimeOffset t, IWorkingCalendar calendar, int workingDays) =>
        c.Class == AssignmentClass.InProgressWithinDeadline && c.Deadline is { } d
        && DeadlineMath.IsDueSoon(ProvinceTime.LocalDate(t), d, calendar, workingDays);
}

/// <summary>Date arithmetic about deadlines. Dates are local (Asia/Ho_Chi_Minh) dates.</summary>
public static class DeadlineMath
{
    /// <summary>
    /// True when <paramref name="asOfDate"/> is not past <paramref name="deadline"/> and at most
    /// <paramref name="workingDays"/> working days remain (working days in (asOf, deadline]). A
    /// deadline today is always due soon.
    /// </summary>
    public static bool IsDueSoon(DateOnly asOfDate, DateOnly deadline, IWorkingCalendar calendar, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return asOfDate <= deadline && calendar.CountWorkingDays(asOfDate, deadline) <= workingDays;
    }

    /// <summary>Working days left: working days in (asOf, deadline]; 0 on or after the deadline day.</summary>
    public static int WorkingDaysLeft(DateOnly asOfDate, DateOnly deadline, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return asOfDate >= deadline ? 0 : calendar.CountWorkingDays(asOfDate, deadline);
    }

    /// <summary>Quá hạn N ngày: calendar days past the deadline day; 0 when not past it.</summary>
    public static int DaysOverdue(DateOnly asOfDate, DateOnly deadline) =>
        Math.Max(0, asOfDate.DayNumber - deadline.DayNumber);

    /// <summary>Working days past the deadline day: working days in (deadline, asOf]; 0 when not past it.</summary>
    public static int WorkingDaysOverdue(DateOnly asOfDate, DateOnly deadline, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return asOfDate <= deadline ? 0 : calendar.CountWorkingDays(deadline, asOfDate);
    }
}
