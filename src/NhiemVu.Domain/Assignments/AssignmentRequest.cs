namespace NhiemVu.Domain.Assignments;

/// <summary>A unit's request that the office decides: extension, refusal or adjustment.</summary>
public sealed class AssignmentRequest
{
    private AssignmentRequest() { }

    internal AssignmentRequest(Guid assignmentId, AssignmentRequestKind kind, AdjustmentKind? adjustmentKind, string reason,
        DateOnly? proposedDeadline, DateTimeOffset atUtc, Actor by, Guid leadUnitId)
    {
        Id = Guid.CreateVersion7(atUtc);
        AssignmentId = assignmentId;
        Kind = kind;
        AdjustmentKind = adjustmentKind;
        Reason = reason;
        ProposedDeadline = proposedDeadline;
        RequestedAtUtc = atUtc;
        RequestedByUserId = by.UserId;
        RequestedByUnitId = leadUnitId;
        Status = AssignmentRequestStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public AssignmentRequestKind Kind { get; private set; }
    /// <summary>Set only for <see cref="AssignmentRequestKind.Adjustment"/>.</summary>
    public AdjustmentKind? AdjustmentKind { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly? ProposedDeadline { get; private set; }
    public DateTimeOffset RequestedAtUtc { get; private set; }
    public Guid RequestedByUserId { get; private set; }
    public Guid RequestedByUnitId { get; private set; }
    public AssignmentRequestStatus Status { get; private set; }
    public DateTimeOffset? DecidedAtUtc { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>The deadline granted (may differ from the proposed one).</summary>
    public DateOnly? ApprovedDeadline { get; private set; }
    public bool IsOverride { get; private set; }
    public string? OverrideReason { get; private set; }

    public bool IsPending => Status == AssignmentRequestStatus.Pending;

    internal void Decide(bool approve, DateTimeOffset at, Guid by, string? note, DateOnly? approvedDeadline, bool isOverride, string? overrideReason)
    {
        Status = approve ? AssignmentRequestStatus.Approved : AssignmentRequestStatus.Rejected;
        DecidedAtUtc = at;
        DecidedByUserId = by;
        DecisionNote = note;
        ApprovedDeadline = approvedDeadline;
        IsOverride = isOverride;
        OverrideReason = overrideReason;
    }

    internal void Close(DateTimeOffset at)
    {
        Status = AssignmentRequestStatus.Closed;
        DecidedAtUtc = at;
    }
}
