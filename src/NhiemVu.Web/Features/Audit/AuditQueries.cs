using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Audit;

public sealed record AuditQuery(DateOnly? From, DateOnly? To, string? User, string? Action, string? EntityType,
    string? EntityId, string? Ip, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTimeOffset AtUtc, string? UserName, string? IpAddress, string Action,
    string? EntityType, string? EntityId, string? Details);

/// <summary>Reading the append-only audit log (administrators only).</summary>
public sealed class AuditQueries(AppDbContext db)
{
    public async Task<PagedResult<AuditRow>> ListAsync(AuditQuery q)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (q.From is { } from) { var f = ProvinceTime.StartOfDayUtc(from); query = query.Where(a => a.AtUtc >= f); }
        if (q.To is { } to) { var t = ProvinceTime.StartOfDayUtc(to.AddDays(1)); query = query.Where(a => a.AtUtc < t); }
        if (!string.IsNullOrWhiteSpace(q.User)) query = query.Where(a => a.UserName!.Contains(q.User.Trim()));
        if (!string.IsNullOrWhiteSpace(q.Action)) query = query.Where(a => a.Action.Contains(q.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(a => a.EntityType == q.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(a => a.EntityId == q.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(q.Ip)) query = query.Where(a => a.IpAddress == q.Ip.Trim());
        var total = await query.CountAsync();
        var size = Math.Clamp(q.PageSize, 1, 500);
        var page = Math.Max(1, q.Page);
        var items = await query.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.IpAddress, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync();
        return new PagedResult<AuditRow>(items, total, page, size);
    }
}

public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder g) =>
        g.WithTags("Nhật ký").RequireAuthorization(IdentitySetup.AdminPolicy)
            .MapGet("/", async ([AsParameters] AuditQuery q, AuditQueries h) => TypedResults.Ok(await h.ListAsync(q)))
            .WithSummary("Nhật ký hệ thống (chỉ thêm, không sửa, không xóa)");
}
