using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Units;

public sealed record UnitDto(
    Guid Id, string Code, string Name, string? ShortName, UnitKind Kind, Guid? ParentId, int Depth,
    bool IsActive, DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId, Guid ConcurrencyStamp);

public sealed record SaveUnitCommand(string Code, string Name, string? ShortName, UnitKind Kind, Guid? ParentId,
    DateOnly? ValidFrom, Guid? ConcurrencyStamp);

public sealed record DeactivateUnitCommand(DateOnly ValidTo, Guid? SuccessorId, Guid? ConcurrencyStamp);

public sealed record FieldDto(Guid Id, string Name);

/// <summary>Units and fields: the administrator's handlers, shared by /admin/units and /api/units.</summary>
public sealed class UnitHandlers(AppDbContext db, TimeProvider clock)
{
    /// <summary>All units in tree order (parents before children, siblings by name), with their depth.</summary>
    public async Task<IReadOnlyList<UnitDto>> ListAsync(bool includeInactive = true)
    {
        var all = await db.Units.AsNoTracking().ToListAsync();
        var byParent = all.ToLookup(u => u.ParentId);
        var result = new List<UnitDto>(all.Count);
        var visited = new HashSet<Guid>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var u in byParent[parent].OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), true)))
            {
                if (!visited.Add(u.Id)) continue;
                if (includeInactive || u.IsActive) result.Add(ToDto(u, depth));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        // Units whose parent is missing (should not happen) still show.
        result.AddRange(all.Where(u => !visited.Contains(u.Id) && (includeInactive || u.IsActive)).Select(u => ToDto(u, 0)));
        return result;
    }

    public async Task<UnitDto> GetAsync(Guid id)
    {
        var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id) ?? throw new NotFoundException("Không tìm thấy đơn vị.");
        return ToDto(u, 0);
    }

    public async Task<Guid> CreateAsync(SaveUnitCommand c)
    {
        await CheckParentAsync(c.ParentId);
        await CheckCodeFreeAsync(c.Code, null);
        var unit = new Unit(c.Code, c.Name, c.Kind, c.ParentId, c.ValidFrom ?? ProvinceTime.Today(clock));
        unit.Rename(c.Code, c.Name, c.ShortName, c.Kind);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public async Task UpdateAsync(Guid id, SaveUnitCommand c)
    {
        var unit = await LoadForUpdateAsync(id, c.ConcurrencyStamp);
        await CheckCodeFreeAsync(c.Code, id);
        unit.Rename(c.Code, c.Name, c.ShortName, c.Kind);
        if (c.ParentId != unit.ParentId)
        {
            await CheckParentAsync(c.ParentId);
            var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId);
            unit.MoveUnder(c.ParentId, pid => parents.GetValueOrDefault(pid));
        }
        await db.SaveChangesAsync();
    }

    public async Task DeactivateAsync(Guid id, DeactivateUnitCommand c)
    {
        var unit = await LoadForUpdateAsync(id, c.ConcurrencyStamp);
        if (c.SuccessorId is { } s && !await db.Units.AnyAsync(u => u.Id == s && u.IsActive))
            throw new DomainValidationException("successorId", "Đơn vị kế thừa phải là một đơn vị đang hoạt động.");
        unit.Deactivate(c.ValidTo, c.SuccessorId);
        await db.SaveChangesAsync();
    }

    public async Task ReactivateAsync(Guid id)
    {
        var unit = await LoadForUpdateAsync(id, null);
        unit.Reactivate();
        await db.SaveChangesAsync();
    }

    /// <summary>Only a unit without history may be deleted; one that has any is deactivated instead.</summary>
    public async Task DeleteAsync(Guid id)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id) ?? throw new NotFoundException("Không tìm thấy đơn vị.");
        if (await HasHistoryAsync(id))
            throw new DomainException("unit.has_history",
                "Đơn vị đã có dữ liệu (tài khoản, đơn vị trực thuộc hoặc nhiệm vụ) nên không thể xóa; hãy chọn \"Ngừng hoạt động\".");
        db.Units.Remove(unit);
        await db.SaveChangesAsync();
    }

    public async Task<bool> HasHistoryAsync(Guid id) =>
        await db.Users.AnyAsync(u => u.UnitId == id)
        || await db.Units.AnyAsync(u => u.ParentId == id || u.SuccessorId == id)
        || await UnitHistory.AnyReferenceAsync(db, id);

    public async Task<IReadOnlyList<FieldDto>> ListFieldsAsync() =>
        (await db.Fields.AsNoTracking().Select(f => new FieldDto(f.Id, f.Name)).ToListAsync())
        .OrderBy(f => f.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), true)).ToList();

    public async Task<Guid> CreateFieldAsync(string name)
    {
        var field = new Field(name);
        if (await db.Fields.AnyAsync(f => f.Name == field.Name))
            throw new DomainException("field.duplicate", $"Lĩnh vực '{field.Name}' đã có.");
        db.Fields.Add(field);
        await db.SaveChangesAsync();
        return field.Id;
    }

    private async Task<Unit> LoadForUpdateAsync(Guid id, Guid? stamp)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id) ?? throw new NotFoundException("Không tìm thấy đơn vị.");
        if (stamp is { } s)
        {
            // The stamp the client read is what EF compares on save: a later edit by someone else fails.
            db.Entry(unit).Property(u => u.ConcurrencyStamp).OriginalValue = s;
        }
        return unit;
    }

    private async Task CheckParentAsync(Guid? parentId)
    {
        if (parentId is { } p && !await db.Units.AnyAsync(u => u.Id == p))
            throw new DomainValidationException("parentId", "Đơn vị cấp trên không tồn tại.");
    }

    private async Task CheckCodeFreeAsync(string code, Guid? self)
    {
        var c = (code ?? "").Trim();
        if (await db.Units.AnyAsync(u => u.Code == c && u.Id != self))
            throw new DomainException("unit.duplicate_code", $"Mã đơn vị '{c}' đã được dùng cho đơn vị khác.");
    }

    private static UnitDto ToDto(Unit u, int depth) => new(u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.ParentId, depth,
        u.IsActive, u.ValidFrom, u.ValidTo, u.SuccessorId, u.ConcurrencyStamp);
}

/// <summary>
/// Other slices that attribute history to a unit (assignments, tasks) register a probe here, so
/// that a unit with history is never deleted.
/// </summary>
public static class UnitHistory
{
    private static readonly List<Func<AppDbContext, Guid, Task<bool>>> Probes = [];

    public static void Register(Func<AppDbContext, Guid, Task<bool>> probe)
    {
        lock (Probes) Probes.Add(probe);
    }

    public static async Task<bool> AnyReferenceAsync(AppDbContext db, Guid unitId)
    {
        Func<AppDbContext, Guid, Task<bool>>[] probes;
        lock (Probes) probes = [.. Probes];
        foreach (var p in probes)
            if (await p(db, unitId)) return true;
        return false;
    }
}
