namespace NhiemVu.Data;

/// <summary>
/// One line of the append-only audit log: who did what, when (UTC), from which address.
/// Rows are only ever inserted; <see cref="AuditInterceptor"/> refuses updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>e.g. "login.succeeded", "login.failed", "Unit.Modified".</summary>
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>What changed: property names with old → new values (secrets masked), or a note.</summary>
    public string? Details { get; set; }
}

/// <summary>Who is acting now, as the data layer needs to know it (filled from the HTTP request).</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    string? UserName { get; }
    string? IpAddress { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();
    public Guid? UserId => null;
    public string? UserName => "system";
    public string? IpAddress => null;
}
