namespace NhiemVu.Domain.Assignments;

/// <summary>The state of an assignment (domain.md, "The life of an assignment").</summary>
public enum AssignmentState
{
    /// <summary>Đã giao, chưa tiếp nhận.</summary>
    Assigned = 0,
    /// <summary>Đã tiếp nhận.</summary>
    Received = 1,
    /// <summary>Đang thực hiện (progress posted, or a report withdrawn / not passed).</summary>
    InProgress = 2,
    /// <summary>Đã báo cáo, chờ Văn phòng xác nhận.</summary>
    AwaitingReview = 3,
    /// <summary>Hoàn thành (báo cáo được xác nhận đạt).</summary>
    Completed = 4,
    /// <summary>Đã hủy.</summary>
    Cancelled = 5,
}

/// <summary>What happened. Stored as an enum; never renumber.</summary>
public enum AssignmentEventKind
{
    Assigned = 0,
    Received = 1,
    ProgressPosted = 2,
    ReportSubmitted = 3,
    ReportWithdrawn = 4,
    ReviewPassed = 5,
    ReviewNotPassed = 6,
    ExtensionRequested = 7,
    ExtensionApproved = 8,
    ExtensionRejected = 9,
    RefusalRequested = 10,
    RefusalAccepted = 11,
    RefusalRejected = 12,
    ExplanationGiven = 13,
    Urged = 14,
    Transferred = 15,
    Cancelled = 16,
    AdjustmentRequested = 17,
    AdjustmentApproved = 18,
    AdjustmentRejected = 19,
}

/// <summary>Kind of a unit's request that the office decides.</summary>
public enum AssignmentRequestKind
{
    /// <summary>Gia hạn.</summary>
    Extension = 0,
    /// <summary>Từ chối nhiệm vụ (not within the unit's function).</summary>
    Refusal = 1,
    /// <summary>Đề nghị điều chỉnh (seed 003).</summary>
    Adjustment = 2,
}

/// <summary>What an adjustment request proposes (seed 003).</summary>
public enum AdjustmentKind
{
    /// <summary>Thay đổi thời gian hoàn thành.</summary>
    ChangeDeadline = 0,
    /// <summary>Bỏ bớt nhiệm vụ.</summary>
    Drop = 1,
    /// <summary>Bổ sung thêm nhiệm vụ (recorded; the office creates the new task separately).</summary>
    Add = 2,
}

public enum AssignmentRequestStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    /// <summary>Closed without a decision because the assignment was completed, cancelled or transferred.</summary>
    Closed = 3,
}

public enum AssignmentReportStatus
{
    /// <summary>Submitted, awaiting the office's review.</summary>
    Pending = 0,
    /// <summary>Thu hồi by the unit before review.</summary>
    Withdrawn = 1,
    /// <summary>Xác nhận đạt.</summary>
    Passed = 2,
    /// <summary>Xác nhận không đạt.</summary>
    NotPassed = 3,
    /// <summary>Still pending when the assignment was cancelled (not used today: cancel requires no pending report).</summary>
    Closed = 4,
}

/// <summary>Who acts: the person and the unit they act for (null for none). Not persisted as such;
/// its two ids are copied into each event.</summary>
public readonly record struct Actor(Guid UserId, Guid? UnitId);
