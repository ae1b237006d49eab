namespace NhiemVu.Data;

/// <summary>What a notification is about; the preference kinds plus the morning digest itself. Stored as text.</summary>
public enum NotificationKind
{
    /// <summary>Nhiệm vụ mới được giao (or transferred to the unit).</summary>
    NewAssignment,
    /// <summary>Nhiệm vụ sắp đến hạn.</summary>
    DueSoon,
    /// <summary>Nhiệm vụ quá hạn.</summary>
    Overdue,
    /// <summary>Báo cáo bị trả lại (không đạt).</summary>
    Returned,
    /// <summary>Văn phòng quyết định về đề nghị của đơn vị (gia hạn, từ chối, điều chỉnh).</summary>
    Decision,
    /// <summary>Nhiệm vụ lâu chưa cập nhật tiến độ.</summary>
    StaleProgress,
    /// <summary>Tổng hợp cho Văn phòng: báo cáo chờ xác nhận, đề nghị chờ quyết định.</summary>
    OfficeSummary,
    /// <summary>Tổng hợp cho lãnh đạo UBND tỉnh: nhiệm vụ do mình chỉ đạo quá hạn / đến hạn trong tuần.</summary>
    LeaderSummary,
    /// <summary>The morning digest (its sections follow the kinds above).</summary>
    Digest,
}

/// <summary>An in-app notification for one user. Bookkeeping, not audited.</summary>
public sealed class Notification : INotAudited
{
    public const int MaxTitleLength = 256;
    public const int MaxLinkLength = 512;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public DateTimeOffset? ReadAtUtc { get; set; }
}

/// <summary>A user's choice for one kind; a kind without a row uses the defaults.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public bool InApp { get; set; }
    public bool Email { get; set; }
}

/// <summary>
/// One morning digest of one user on one local date. The unique (user, date) key is what makes a
/// digest go out once when several app instances run the job: the row is inserted in the same
/// transaction as the digest's notification and e-mail, and the second insert fails.
/// </summary>
public sealed class DigestRecord : INotAudited
{
    public Guid UserId { get; set; }
    public DateOnly LocalDate { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
}

/// <summary>
/// An e-mail waiting to be sent (the outbox). Web requests only insert rows; a background sender
/// claims a row atomically (<see cref="ClaimedBy"/>, <see cref="ClaimedUntilUtc"/>), sends it and
/// marks it sent, or records the error and the next attempt (back-off).
/// </summary>
public sealed class OutboxMessage : INotAudited
{
    public Guid Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAtUtc { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAtUtc { get; set; }
    public Guid? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntilUtc { get; set; }
}
