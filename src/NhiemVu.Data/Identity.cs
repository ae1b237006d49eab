using Microsoft.AspNetCore.Identity;

namespace NhiemVu.Data;

/// <summary>
/// A person's account (or a unit's shared account, seed 002 art. 4.1). Every account belongs to a
/// unit; every action is recorded against the account that did it.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    /// <summary>Chức vụ, e.g. "Phó Chủ tịch UBND tỉnh", "Chuyên viên".</summary>
    public string? Title { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>One account used by a whole unit (seed 002) rather than by one person (seed 000).</summary>
    public bool IsSharedUnitAccount { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { Id = Guid.CreateVersion7(); NormalizedName = name.ToUpperInvariant(); }
}

/// <summary>A leader's field of oversight (a Vice-Chairman oversees some fields).</summary>
public sealed class UserField
{
    public Guid UserId { get; set; }
    public Guid FieldId { get; set; }
}
