using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Domain.Time;

/// <summary>
/// The schedule of a recurring task (domain.md: "a monthly report due on the 20th is one task that
/// yields an assignment per period"). A period is identified by its <b>scheduled date</b>: the
/// recurrence day in the period's month, clamped to short months (31 → 30 April, 28/29 February).
/// <list type="bullet">
/// <item>The period runs from the day after the previous scheduled date to its own scheduled date
/// (as the national reporting regime counts report periods), so its assignment <b>opens the day
/// after the previous period's scheduled date</b>: a focal officer sees next month's report as
/// soon as this month's is due, never a blank month.</item>
/// <item>Its deadline is the scheduled date, or — when that is not a working day — the next working
/// day (Civil Code 2015, art. 148(5): a period whose last day is a weekend or holiday ends at the
/// end of the next working day). The seeds say nothing more specific.</item>
/// <item>Catch-up: every period whose opening day has come is due, even several at once (the app
/// was stopped): each period's report is owed whether or not the server ran, and statistics must
/// count each of them.</item>
/// <item>No period whose scheduled date is after the recurrence's end date.</item>
/// </list>
/// </summary>
public static class RecurrenceSchedule
{
    /// <summary>Months between two periods.</summary>
    public static int MonthsPerPeriod(Recurrence r) => r switch
    {
        Recurrence.Monthly => 1,
        Recurrence.Quarterly => 3,
        Recurrence.Yearly => 12,
        _ => throw new DomainException("task.not_recurring", "Nhiệm vụ này không định kỳ."),
    };

    /// <summary>The scheduled date of the period after the one scheduled on <paramref name="previous"/>.</summary>
    public static DateOnly Next(Recurrence r, int day, DateOnly previous)
    {
        if (day is < 1 or > 31) throw new ArgumentOutOfRangeException(nameof(day));
        var firstOfNext = new DateOnly(previous.Year, previous.Month, 1).AddMonths(MonthsPerPeriod(r));
        return new DateOnly(firstOfNext.Year, firstOfNext.Month, Math.Min(day, DateTime.DaysInMonth(firstOfNext.Year, firstOfNext.Month)));
    }

    /// <summary>The day a period's assignment appears: the day after the previous period's scheduled date.</summary>
    public static DateOnly OpensOn(DateOnly previousScheduled) => previousScheduled.AddDays(1);

    /// <summary>The deadline of a period: its scheduled date, moved to the next working day when it is a day off.</summary>
    public static DateOnly Deadline(DateOnly scheduled, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDay(scheduled) ? scheduled : calendar.AddWorkingDays(scheduled, 1);
    }

    /// <summary>
    /// The periods after the one scheduled on <paramref name="latest"/> that are due by
    /// <paramref name="today"/> (their opening day has come), in order, stopping at
    /// <paramref name="until"/> (inclusive) when given.
    /// </summary>
    public static IReadOnlyList<DateOnly> DuePeriods(Recurrence r, int day, DateOnly latest, DateOnly today, DateOnly? until)
    {
        var due = new List<DateOnly>();
        var previous = latest;
        while (OpensOn(previous) <= today)
        {
            var next = Next(r, day, previous);
            if (until is { } end && next > end) break;
            due.Add(next);
            previous = next;
        }
        return due;
    }

    /// <summary>The period's name: "tháng 12/2026", "quý 4/2026", "năm 2026".</summary>
    public static string Label(Recurrence r, DateOnly scheduled) => r switch
    {
        Recurrence.Monthly => $"tháng {scheduled.Month}/{scheduled.Year}",
        Recurrence.Quarterly => $"quý {(scheduled.Month - 1) / 3 + 1}/{scheduled.Year}",
        Recurrence.Yearly => $"năm {scheduled.Year}",
        _ => "",
    };
}

/// <summary>
/// "N ngày làm việc kể từ ngày ban hành" (issue 4; seed 004 counts entry time the same way). The
/// issue day itself is not counted (Civil Code 2015, art. 147(1): a period in days starts the day
/// after the event), so 1 working day from a Friday issue is the next Monday (a working one).
/// </summary>
public static class DeadlineFromIssue
{
    public const int MaxWorkingDays = 365;

    public static DateOnly Compute(DateOnly issueDate, int workingDays, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (workingDays is < 1 or > MaxWorkingDays)
            throw new DomainValidationException("DeadlineWorkingDays", $"Số ngày làm việc phải từ 1 đến {MaxWorkingDays}.");
        return calendar.AddWorkingDays(issueDate, workingDays);
    }
}

/// <summary>
/// Stale progress (domain.md "Time rules", seed 003: progress is posted daily or weekly): an
/// assignment still being worked on (assigned, received, in progress — not awaiting review,
/// completed or cancelled) whose newest progress note — or, without one, its receipt or assignment —
/// is more than <c>days</c> days old. One definition for the digest and the lists.
/// </summary>
public static class StaleProgress
{
    public const int DefaultDays = 7;

    /// <summary>The moment before which the last sign of life makes an assignment stale.</summary>
    public static DateTimeOffset Threshold(DateTimeOffset now, int days) => now.AddDays(-days);

    public static bool IsStale(Assignments.AssignmentState state, DateTimeOffset? lastProgressAtUtc, DateTimeOffset? receivedAtUtc,
        DateTimeOffset assignedAtUtc, DateTimeOffset now, int days) =>
        state is Assignments.AssignmentState.Assigned or Assignments.AssignmentState.Received or Assignments.AssignmentState.InProgress
        && (lastProgressAtUtc ?? receivedAtUtc ?? assignedAtUtc) < Threshold(now, days);

    /// <summary>Whole days since the last sign of life (for "Chưa cập nhật tiến độ N ngày").</summary>
    public static int DaysSince(DateTimeOffset? lastProgressAtUtc, DateTimeOffset? receivedAtUtc, DateTimeOffset assignedAtUtc, DateTimeOffset now) =>
        (int)Math.Floor((now - (lastProgressAtUtc ?? receivedAtUtc ?? assignedAtUtc)).TotalDays);
}
