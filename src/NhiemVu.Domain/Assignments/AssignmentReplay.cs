namespace NhiemVu.Domain.Assignments;

/// <summary>
/// The state of an assignment at a moment, rebuilt from its events alone. "As of T" reports use
/// this, never the current-state columns, so the same question gives the same answer next year.
/// </summary>
/// <param name="Exists">False when the assignment did not yet exist at the moment (no event at or before it).</param>
/// <param name="LeadUnitId">The unit holding the assignment at the moment (reports per unit count it there).</param>
/// <param name="Deadline">The effective deadline: after extensions/adjustments approved and transfers made by the moment.</param>
/// <param name="CompletedAtUtc">The passed report's submission time.</param>
/// <param name="PendingReportSubmittedAtUtc">Submission time of the report awaiting review.</param>
public sealed record AssignmentSnapshot(
    bool Exists,
    AssignmentState State,
    Guid LeadUnitId,
    DateOnly? OriginalDeadline,
    DateOnly? Deadline,
    int ApprovedExtensionCount,
    DateTimeOffset? ReceivedAtUtc,
    DateTimeOffset? CompletedAtUtc,
    Guid? PendingReportId,
    DateTimeOffset? PendingReportSubmittedAtUtc,
    bool AwaitingReassignment,
    DateTimeOffset? LastProgressAtUtc,
    int? LastProgressPercent,
    int LastEventSequence)
{
    /// <summary>A report was submitted and the office has not yet decided ("chờ xác nhận").</summary>
    public bool AwaitingConfirmation => Exists && State == AssignmentState.AwaitingReview;

    public static readonly AssignmentSnapshot NotYetAssigned =
        new(false, AssignmentState.Assigned, Guid.Empty, null, null, 0, null, null, null, null, false, null, null, 0);
}

/// <summary>Pure replay of an assignment's events.</summary>
public static class AssignmentReplay
{
    /// <summary>
    /// Replays the events with <c>AtUtc &lt;= t</c>, in sequence order. (Event times never go
    /// backwards — the aggregate stamps each event no earlier than the previous one — so this is
    /// a prefix of the timeline.)
    /// </summary>
    public static AssignmentSnapshot StateAt(IEnumerable<AssignmentEvent> events, DateTimeOffset t)
    {
        ArgumentNullException.ThrowIfNull(events);
        var s = AssignmentSnapshot.NotYetAssigned;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.AtUtc > t) break;
            s = Apply(s, e);
        }
        return s;
    }

    /// <summary>The state after all events (equals the aggregate's current-state columns).</summary>
    public static AssignmentSnapshot Current(IEnumerable<AssignmentEvent> events) => StateAt(events, DateTimeOffset.MaxValue);

    /// <summary>The state after one more event.</summary>
    public static AssignmentSnapshot Apply(AssignmentSnapshot s, AssignmentEvent e)
    {
        s = s with { LastEventSequence = e.Sequence };
        if (e.ToState is { } to) s = s with { State = to };
        switch (e.Kind)
        {
            case AssignmentEventKind.Assigned:
                s = s with
                {
                    Exists = true,
                    LeadUnitId = e.ToUnitId ?? e.LeadUnitId,
                    OriginalDeadline = e.NewDeadline,
                    Deadline = e.NewDeadline,
                };
                break;
            case AssignmentEventKind.Received:
                s = s with { ReceivedAtUtc = e.AtUtc };
                break;
            case AssignmentEventKind.ProgressPosted:
                s = s with { LastProgressAtUtc = e.AtUtc, LastProgressPercent = e.Percent };
                break;
            case AssignmentEventKind.ReportSubmitted:
                s = s with { PendingReportId = e.ReportId, PendingReportSubmittedAtUtc = e.AtUtc };
                break;
            case AssignmentEventKind.ReportWithdrawn:
            case AssignmentEventKind.ReviewNotPassed:
                s = s with { PendingReportId = null, PendingReportSubmittedAtUtc = null };
                break;
            case AssignmentEventKind.ReviewPassed:
                s = s with
                {
                    CompletedAtUtc = s.PendingReportSubmittedAtUtc,
                    PendingReportId = null,
                    PendingReportSubmittedAtUtc = null,
                    AwaitingReassignment = false,
                };
                break;
            case AssignmentEventKind.ExtensionApproved:
            case AssignmentEventKind.AdjustmentApproved:
                if (e.NewDeadline is { } d) s = s with { Deadline = d };
                if (e.CountsAsExtension) s = s with { ApprovedExtensionCount = s.ApprovedExtensionCount + 1 };
                break;
            case AssignmentEventKind.RefusalAccepted:
                s = s with { AwaitingReassignment = true };
                break;
            case AssignmentEventKind.Transferred:
                s = s with
                {
                    LeadUnitId = e.ToUnitId ?? s.LeadUnitId,
                    ReceivedAtUtc = null,
                    AwaitingReassignment = false,
                    Deadline = e.NewDeadline ?? s.Deadline,
                };
                break;
            case AssignmentEventKind.Cancelled:
                s = s with { AwaitingReassignment = false };
                break;
        }
        return s;
    }
}
