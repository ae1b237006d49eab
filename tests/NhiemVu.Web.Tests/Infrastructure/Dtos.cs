namespace NhiemVu.Web.Tests.Infrastructure;

// What the tests read back from the API: kept apart from the app's types on purpose, so that a
// renamed or dropped JSON property fails a test instead of silently following the code.
public sealed record UnitRow(Guid Id, string Code, string Name, string? ShortName, string Kind, Guid? ParentId, int Depth,
    bool IsActive, DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId, Guid ConcurrencyStamp);

public sealed record UserRow(Guid Id, string UserName, string FullName, string? Title, string? Email, Guid UnitId, string UnitName,
    List<string> Roles, List<Guid> FieldIds, bool IsSharedUnitAccount, bool IsDisabled, bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil, string? ConcurrencyStamp);

public sealed record AuditRowDto(long Id, DateTimeOffset AtUtc, string? UserName, string? IpAddress, string Action,
    string? EntityType, string? EntityId, string? Details);

/// <summary>A page of a list; <see cref="TotalIsLowerBound"/> and <see cref="Pages"/> where the list sends them (assignments).</summary>
public sealed record Paged<T>(List<T> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound = false, int Pages = 0);

public sealed record AssignmentRowDto(Guid Id, Guid TaskId, Guid DocumentId, string DocumentNumber, string TaskContent, Guid LeadUnitId,
    string LeadUnitName, string State, DateOnly? OriginalDeadline, DateOnly? Deadline, string? Class, bool AwaitingConfirmation, bool DueSoon,
    bool Returned, int? WorkingDaysLeft, int? DaysOverdue, string DirectingLeaderName, string? LastProgressText, Guid ConcurrencyStamp);

public sealed record TimelineDto(DateTimeOffset AtUtc, int? Sequence, string Kind, string Label, string ActorName, string? Text, bool IsContribution);
public sealed record ReportDto(Guid Id, string Name, string Status, string? ReviewReason);
public sealed record RequestDto(Guid Id, string Kind, string Status, DateOnly? ProposedDeadline, DateOnly? ApprovedDeadline, bool IsOverride);

public sealed record AssignmentDetailDto(AssignmentRowDto Row, int ApprovedExtensionCount, List<TimelineDto> Timeline, List<ReportDto> Reports,
    List<RequestDto> Requests, List<string> Actions);

public sealed record DocumentViewDto(DocumentRowDto Document, List<DocumentTaskDto> Tasks);
public sealed record DocumentRowDto(Guid Id, string NumberAndSymbol, string Summary, int TaskCount, int AssignmentCount);
public sealed record DocumentTaskDto(Guid Id, string Content, List<AssignmentRowDto> Assignments);
public sealed record PersonDto(Guid Id, string FullName);
public sealed record InboxDto(int NotReceived, int Overdue, int DueSoon, int Returned);
public sealed record QueueItemDto(Guid AssignmentId, string Kind, string Label);
public sealed record QueueDto(List<QueueItemDto> Reports, List<QueueItemDto> Requests);
public sealed record ReportResultDto(Guid ReportId, AssignmentDetailDto Assignment);
public sealed record RequestResultDto(Guid RequestId, AssignmentDetailDto Assignment);
