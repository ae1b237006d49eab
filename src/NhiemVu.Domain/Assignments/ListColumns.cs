namespace NhiemVu.Domain.Assignments;

/// <summary>
/// The class of an assignment as lists store it. The completed classes do not change with time
/// once the report is submitted, so they are stored; "in progress within deadline" and "in progress
/// overdue" depend on today, so both are stored as <see cref="Open"/> and told apart by
/// <c>Deadline &lt; today</c> when the list is read. Values of the completed classes and
/// <see cref="NoDeadline"/> equal those of <see cref="AssignmentClass"/>. Stored; never renumber.
/// </summary>
public enum ListClass
{
    CompletedEarly = 0,
    CompletedOnTime = 1,
    CompletedLate = 2,
    /// <summary>Not yet reported (assigned, received or in progress), with a deadline.</summary>
    Open = 3,
    NoDeadline = 5,
}

/// <summary>
/// The values stored beside an assignment for lists, filters and their indexes, derived from the
/// aggregate alone (pure; the web layer writes them on every transition, the bench generator on
/// every generated row).
/// </summary>
/// <param name="SubmittedLocalDate">Local date of the deciding report's submission (passed, or pending review).</param>
/// <param name="Class">Null when cancelled (counted nowhere).</param>
/// <param name="Returned">In progress and its last report was not passed ("bị trả lại").</param>
/// <param name="DueOrder">The deadline, or <see cref="DateOnly.MaxValue"/> without one: lists sort
/// by it, so "earliest deadline first, no deadline last" reads an index in order on both databases.</param>
public sealed record AssignmentListColumns(DateOnly? SubmittedLocalDate, ListClass? Class, bool Returned, DateOnly DueOrder)
{
    public static AssignmentListColumns Of(Assignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DateTimeOffset? at = a.State switch
        {
            AssignmentState.Completed => a.CompletedAtUtc,
            AssignmentState.AwaitingReview => a.FindPendingReport()?.SubmittedAtUtc,
            _ => null,
        };
        DateOnly? submitted = at is { } t ? Common.ProvinceTime.LocalDate(t) : null;
        ListClass? cls = a.State == AssignmentState.Cancelled ? null
            : a.Deadline is not { } d ? ListClass.NoDeadline
            : submitted is { } s ? (ListClass)Classifier.CompletionClass(s, d)
            : ListClass.Open;
        return new AssignmentListColumns(submitted, cls, IsReturned(a.State, a.Events), a.Deadline ?? DateOnly.MaxValue);
    }

    /// <summary>In progress, and the last report event of the timeline is a "not passed" review.</summary>
    public static bool IsReturned(AssignmentState state, IEnumerable<AssignmentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (state != AssignmentState.InProgress) return false;
        var last = events.Where(e => e.Kind is AssignmentEventKind.ReportSubmitted or AssignmentEventKind.ReportWithdrawn
                or AssignmentEventKind.ReviewPassed or AssignmentEventKind.ReviewNotPassed)
            .MaxBy(e => e.Sequence);
        return last?.Kind == AssignmentEventKind.ReviewNotPassed;
    }

    /// <summary>The stored class of a classification made now (what <see cref="Of"/> must agree with).</summary>
    public static ListClass? FromClassification(AssignmentClass? c) => c switch
    {
        null => null,
        AssignmentClass.InProgressWithinDeadline or AssignmentClass.InProgressOverdue => ListClass.Open,
        { } x => (ListClass)(int)x,
    };
}
