using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Accounts;

public sealed record UserDto(
    Guid Id, string UserName, string FullName, string? Title, string? Email, Guid UnitId, string UnitName,
    IReadOnlyList<string> Roles, IReadOnlyList<Guid> FieldIds, bool IsSharedUnitAccount, bool IsDisabled,
    bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, string? ConcurrencyStamp);

public sealed record SaveUserCommand(
    string UserName, string FullName, string? Title, string? Email, Guid UnitId, IReadOnlyList<string>? Roles,
    IReadOnlyList<Guid>? FieldIds, bool IsSharedUnitAccount, string? Password, string? ConcurrencyStamp);

public sealed record ResetPasswordCommand(string NewPassword);

public sealed record UserQuery(string? Text, Guid? UnitId, string? Role, bool IncludeDisabled = true, int Page = 1, int PageSize = 50);

/// <summary>The administrator's work on accounts; the pages under /admin/users and /api/users both call these.</summary>
public sealed class UserHandlers(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, IMemoryCache cache)
{
    public async Task<PagedResult<UserDto>> ListAsync(UserQuery q)
    {
        var query = db.Users.AsNoTracking();
        if (!q.IncludeDisabled) query = query.Where(u => !u.IsDisabled);
        if (q.UnitId is { } unit) query = query.Where(u => u.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(q.Role))
        {
            var roleName = q.Role.Trim();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id &&
                db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleName)));
        }
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(text) || u.FullName.ToUpper().Contains(text));
        }
        var total = await query.CountAsync();
        var size = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var ids = await query.OrderBy(u => u.UserName).Skip((page - 1) * size).Take(size).Select(u => u.Id).ToListAsync();
        var items = await LoadAsync(ids);
        return new PagedResult<UserDto>(items, total, page, size);
    }

    public async Task<UserDto> GetAsync(Guid id) =>
        (await LoadAsync([id])).SingleOrDefault() ?? throw new NotFoundException("Không tìm thấy tài khoản.");

    private async Task<List<UserDto>> LoadAsync(List<Guid> ids)
    {
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Join(db.Units, u => u.UnitId, un => un.Id, (u, un) => new { u, UnitName = un.Name }).ToListAsync();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var fields = await db.UserFields.Where(f => ids.Contains(f.UserId)).ToListAsync();
        return rows.OrderBy(r => r.u.UserName).Select(r => new UserDto(
            r.u.Id, r.u.UserName!, r.u.FullName, r.u.Title, r.u.Email, r.u.UnitId, r.UnitName,
            roles.Where(x => x.UserId == r.u.Id).Select(x => x.Name!).Order().ToList(),
            fields.Where(f => f.UserId == r.u.Id).Select(f => f.FieldId).ToList(),
            r.u.IsSharedUnitAccount, r.u.IsDisabled, r.u.TwoFactorEnabled,
            r.u.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null, r.u.ConcurrencyStamp)).ToList();
    }

    public async Task<Guid> CreateAsync(SaveUserCommand c)
    {
        await ValidateAsync(c);
        if (string.IsNullOrEmpty(c.Password))
            throw new DomainValidationException("password", "Hãy đặt mật khẩu ban đầu cho tài khoản.");
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = c.UserName.Trim(), FullName = c.FullName.Trim(), Title = Clean(c.Title),
            Email = Clean(c.Email), UnitId = c.UnitId, IsSharedUnitAccount = c.IsSharedUnitAccount, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user, c.Password), "password");
        if (c.Roles is { Count: > 0 }) Check(await users.AddToRolesAsync(user, c.Roles.Distinct()), "roles");
        await SetFieldsAsync(user.Id, c.FieldIds);
        await tx.CommitAsync();
        return user.Id;
    }

    public async Task UpdateAsync(Guid id, SaveUserCommand c)
    {
        await ValidateAsync(c);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");
        if (c.ConcurrencyStamp is not null) user.ConcurrencyStamp = c.ConcurrencyStamp; // Identity checks it on update
        user.UserName = c.UserName.Trim();
        user.FullName = c.FullName.Trim();
        user.Title = Clean(c.Title);
        user.Email = Clean(c.Email);
        user.UnitId = c.UnitId;
        user.IsSharedUnitAccount = c.IsSharedUnitAccount;
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.UpdateAsync(user), "userName");
        var current = await users.GetRolesAsync(user);
        var wanted = (c.Roles ?? []).Distinct().ToList();
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if (remove.Count > 0) Check(await users.RemoveFromRolesAsync(user, remove), "roles");
        if (add.Count > 0) Check(await users.AddToRolesAsync(user, add), "roles");
        if (remove.Count > 0 || add.Count > 0) await users.UpdateSecurityStampAsync(user); // new rights take effect at once
        await SetFieldsAsync(user.Id, c.FieldIds);
        await tx.CommitAsync();
        cache.Remove(SessionGuard.CacheKey(id));
    }

    public async Task ResetPasswordAsync(Guid id, string newPassword)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword ?? ""), "newPassword");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        cache.Remove(SessionGuard.CacheKey(id));
    }

    /// <summary>Disabling an account ends its sessions: the security stamp changes and the guard rejects old cookies and tokens.</summary>
    public async Task SetDisabledAsync(Guid id, bool disabled, Guid? actingUserId)
    {
        if (disabled && id == actingUserId)
            throw new DomainException("user.disable_self", "Không thể tự vô hiệu hóa tài khoản đang dùng.");
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user), "isDisabled");
        await users.UpdateSecurityStampAsync(user);
        cache.Remove(SessionGuard.CacheKey(id));
    }

    public async Task ChangeOwnPasswordAsync(Guid id, string current, string next)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException();
        Check(await users.ChangePasswordAsync(user, current ?? "", next ?? ""), "newPassword");
        cache.Remove(SessionGuard.CacheKey(id));
    }

    private async Task SetFieldsAsync(Guid userId, IReadOnlyList<Guid>? fieldIds)
    {
        var wanted = (fieldIds ?? []).Distinct().ToList();
        if (wanted.Count > 0 && await db.Fields.CountAsync(f => wanted.Contains(f.Id)) != wanted.Count)
            throw new DomainValidationException("fieldIds", "Có lĩnh vực không tồn tại.");
        var existing = await db.UserFields.Where(f => f.UserId == userId).ToListAsync();
        db.UserFields.RemoveRange(existing.Where(e => !wanted.Contains(e.FieldId)));
        db.UserFields.AddRange(wanted.Where(w => existing.All(e => e.FieldId != w)).Select(w => new UserField { UserId = userId, FieldId = w }));
        await db.SaveChangesAsync();
    }

    private async Task ValidateAsync(SaveUserCommand c)
    {
        if (string.IsNullOrWhiteSpace(c.UserName))
            throw new DomainValidationException("userName", "Tên đăng nhập là bắt buộc.");
        if (string.IsNullOrWhiteSpace(c.FullName))
            throw new DomainValidationException("fullName", "Họ và tên là bắt buộc.");
        if (c.Roles?.FirstOrDefault(r => !Roles.All.Contains(r)) is { } bad)
            throw new DomainValidationException("roles", $"Vai trò '{bad}' không tồn tại.");
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == c.UnitId)
                   ?? throw new DomainValidationException("unitId", "Hãy chọn đơn vị của tài khoản.");
        if (!unit.IsActive)
            throw new DomainValidationException("unitId", "Đơn vị đã ngừng hoạt động; hãy chọn đơn vị đang hoạt động.");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Check(IdentityResult r, string field)
    {
        if (r.Succeeded) return;
        var e = r.Errors.First();
        if (e.Code is "DuplicateUserName")
            throw new DomainException("user.duplicate_name", e.Description);
        if (e.Code is "ConcurrencyFailure")
            throw new DbUpdateConcurrencyException(e.Description);
        throw new DomainValidationException(field, string.Join(" ", r.Errors.Select(x => x.Description)));
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
