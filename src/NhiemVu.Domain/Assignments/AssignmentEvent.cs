namespace NhiemVu.Domain.Assignments;

/// <summary>
/// One step of an assignment's timeline. Append-only: created by <see cref="Assignment"/>, never
/// modified or removed. Typed nullable columns; which ones are set depends on <see cref="Kind"/>.
/// </summary>
public sealed class AssignmentEvent
{
    private AssignmentEvent() { }

    internal AssignmentEvent(
        Guid assignmentId, int sequence, AssignmentEventKind kind, DateTimeOffset atUtc, Actor actor, Guid leadUnitId,
        AssignmentState? fromState = null, AssignmentState? toState = null,
        DateOnly? oldDeadline = null, DateOnly? newDeadline = null,
        Guid? fromUnitId = null, Guid? toUnitId = null,
        Guid? reportId = null, Guid? requestId = null,
        string? text = null, int? percent = null,
        bool? approved = null, bool countsAsExtension = false,
        bool isOverride = false, string? overrideReason = null,
        AdjustmentKind? adjustmentKind = null)
    {
        Id = Guid.CreateVersion7(atUtc);
        AssignmentId = assignmentId;
        Sequence = sequence;
        Kind = kind;
        AtUtc = atUtc;
        ActorUserId = actor.UserId;
        ActorUnitId = actor.UnitId;
        LeadUnitId = leadUnitId;
        FromState = fromState;
        ToState = toState;
        OldDeadline = oldDeadline;
        NewDeadline = newDeadline;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        ReportId = reportId;
        RequestId = requestId;
        Text = text;
        Percent = percent;
        Approved = approved;
        CountsAsExtension = countsAsExtension;
        IsOverride = isOverride;
        OverrideReason = overrideReason;
        AdjustmentKind = adjustmentKind;
    }

    /// <summary>
    /// An event as stored, with only what a replay and the reports read (its text and override
    /// reason left out): for readers of many events (as-of reports), so they do not carry every
    /// progress note's text. Not for writing.
    /// </summary>
    public static AssignmentEvent ForReplay(Guid id, Guid assignmentId, int sequence, AssignmentEventKind kind, DateTimeOffset atUtc,
        Guid actorUserId, Guid leadUnitId, AssignmentState? fromState, AssignmentState? toState, DateOnly? oldDeadline, DateOnly? newDeadline,
        Guid? fromUnitId, Guid? toUnitId, Guid? reportId, Guid? requestId, int? percent, bool? approved, bool countsAsExtension, bool isOverride) =>
        new()
        {
            Id = id, AssignmentId = assignmentId, Sequence = sequence, Kind = kind, AtUtc = atUtc, ActorUserId = actorUserId,
            LeadUnitId = leadUnitId, FromState = fromState, ToState = toState, OldDeadline = oldDeadline, NewDeadline = newDeadline,
            FromUnitId = fromUnitId, ToUnitId = toUnitId, ReportId = reportId, RequestId = requestId, Percent = percent,
            Approved = approved, CountsAsExtension = countsAsExtension, IsOverride = isOverride,
        };

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    /// <summary>1, 2, 3 … within the assignment; the replay order.</summary>
    public int Sequence { get; private set; }
    public AssignmentEventKind Kind { get; private set; }
    public DateTimeOffset AtUtc { get; private set; }
    public Guid ActorUserId { get; private set; }
    public Guid? ActorUnitId { get; private set; }
    /// <summary>The lead unit holding the assignment when this happened (a transfer later does not change it).</summary>
    public Guid LeadUnitId { get; private set; }
    /// <summary>Set (with <see cref="ToState"/>) when the event changes the state.</summary>
    public AssignmentState? FromState { get; private set; }
    public AssignmentState? ToState { get; private set; }
    /// <summary>Set (with <see cref="NewDeadline"/>) when the event changes the deadline. On
    /// <see cref="AssignmentEventKind.Assigned"/>, NewDeadline is the original deadline (null: none).</summary>
    public DateOnly? OldDeadline { get; private set; }
    public DateOnly? NewDeadline { get; private set; }
    public Guid? FromUnitId { get; private set; }
    public Guid? ToUnitId { get; private set; }
    public Guid? ReportId { get; private set; }
    public Guid? RequestId { get; private set; }
    /// <summary>Progress note, reason, explanation, urging message or decision note.</summary>
    public string? Text { get; private set; }
    public int? Percent { get; private set; }
    /// <summary>The office's decision on a request or a review (true: approved / passed).</summary>
    public bool? Approved { get; private set; }
    /// <summary>This deadline change is an approved extension (counts toward the one-extension limit).</summary>
    public bool CountsAsExtension { get; private set; }
    /// <summary>An office leader overrode the one-extension limit; <see cref="OverrideReason"/> says why.</summary>
    public bool IsOverride { get; private set; }
    public string? OverrideReason { get; private set; }
    public AdjustmentKind? AdjustmentKind { get; private set; }
}
