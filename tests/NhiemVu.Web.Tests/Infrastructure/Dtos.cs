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

public sealed record Paged<T>(List<T> Items, int Total, int Page, int PageSize);
