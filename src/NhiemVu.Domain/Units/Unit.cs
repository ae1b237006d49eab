using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Units;

/// <summary>Kinds of unit (domain.md, "Who uses it").</summary>
public enum UnitKind
{
    /// <summary>UBND tỉnh — the Chairman and Vice-Chairmen.</summary>
    ProvincialCommittee = 0,
    /// <summary>Văn phòng UBND tỉnh.</summary>
    ProvincialOffice = 1,
    /// <summary>Sở, ban, ngành tỉnh.</summary>
    Department = 2,
    /// <summary>UBND huyện, thị xã, thành phố (before July 2025).</summary>
    DistrictCommittee = 3,
    /// <summary>UBND xã, phường, đặc khu.</summary>
    CommuneCommittee = 4,
    /// <summary>Cơ quan ngành dọc Trung ương đóng trên địa bàn tỉnh.</summary>
    CentralAgency = 5,
    /// <summary>Đơn vị khác.</summary>
    Other = 6,
}

/// <summary>
/// An agency, locality or office that receives or gives tasks. Units are nested, renamed,
/// merged and dissolved; a unit with history is deactivated (with a validity end and an optional
/// successor), never deleted, so that history stays attributed to the unit that held the task.
/// </summary>
public sealed class Unit
{
    private Unit() { Code = ""; Name = ""; }

    public Unit(string code, string name, UnitKind kind, Guid? parentId, DateOnly validFrom)
    {
        Id = Guid.CreateVersion7();
        Code = ValidateCode(code);
        Name = ValidateName(name);
        Kind = kind;
        ParentId = parentId;
        ValidFrom = validFrom;
        IsActive = true;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? ShortName { get; private set; }
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public bool IsActive { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public Guid? SuccessorId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public void Rename(string code, string name, string? shortName, UnitKind kind)
    {
        Code = ValidateCode(code);
        Name = ValidateName(name);
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();
        Kind = kind;
        Touch();
    }

    /// <summary>
    /// Puts the unit under <paramref name="newParentId"/>. <paramref name="parentOf"/> answers the
    /// current parent of any unit, so the chain above the new parent can be walked; a unit can be
    /// neither its own parent nor its own ancestor.
    /// </summary>
    public void MoveUnder(Guid? newParentId, Func<Guid, Guid?> parentOf)
    {
        if (newParentId is { } p)
        {
            var seen = new HashSet<Guid>();
            for (Guid? cur = p; cur is { } c; cur = parentOf(c))
            {
                if (c == Id)
                    throw new DomainException("unit.cycle",
                        "Không thể đặt đơn vị làm đơn vị cấp trên của chính nó hoặc của đơn vị cấp trên của nó.");
                if (!seen.Add(c)) break; // defensive: stored data already cyclic
            }
        }
        ParentId = newParentId;
        Touch();
    }

    public void Deactivate(DateOnly validTo, Guid? successorId)
    {
        if (!IsActive)
            throw new DomainException("unit.inactive", "Đơn vị đã ngừng hoạt động.");
        if (successorId == Id)
            throw new DomainValidationException("successorId", "Đơn vị kế thừa phải là một đơn vị khác.");
        if (validTo < ValidFrom)
            throw new DomainValidationException("validTo", "Ngày ngừng hoạt động không được trước ngày bắt đầu hoạt động.");
        IsActive = false;
        ValidTo = validTo;
        SuccessorId = successorId;
        Touch();
    }

    public void Reactivate()
    {
        IsActive = true;
        ValidTo = null;
        SuccessorId = null;
        Touch();
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid();

    private static string ValidateCode(string code)
    {
        code = (code ?? "").Trim();
        if (code.Length is 0 or > 32)
            throw new DomainValidationException("code", "Mã đơn vị là bắt buộc và dài tối đa 32 ký tự.");
        return code;
    }

    private static string ValidateName(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 256)
            throw new DomainValidationException("name", "Tên đơn vị là bắt buộc và dài tối đa 256 ký tự.");
        return name;
    }
}

/// <summary>A field of state management (lĩnh vực) that a leader oversees and a task belongs to.</summary>
public sealed class Field
{
    private Field() { Name = ""; }

    public Field(string name)
    {
        Id = Guid.CreateVersion7();
        Name = (name ?? "").Trim();
        if (Name.Length is 0 or > 128)
            throw new DomainValidationException("name", "Tên lĩnh vực là bắt buộc và dài tối đa 128 ký tự.");
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
}
