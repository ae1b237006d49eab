using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Notifications;

public sealed record NotificationDto(Guid Id, NotificationKind Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt, bool Read);

public sealed record NotificationList(int Unread, IReadOnlyList<NotificationDto> Items);

public sealed record PreferenceDto(NotificationKind Kind, string Label, bool InApp, bool Email);

public sealed record PreferencesView(bool HasEmail, string? Email, IReadOnlyList<PreferenceDto> Items);

public sealed record PreferenceChange(NotificationKind Kind, bool InApp, bool Email);

/// <summary>The signed-in user's notifications and preferences (a user only ever sees their own: others' ids are 404).</summary>
public sealed class NotificationHandlers(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int PageSize = 100;

    private Guid Me => Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException();

    public Task<int> UnreadCountAsync()
    {
        var me = Me;
        return db.Notifications.CountAsync(n => n.UserId == me && n.ReadAtUtc == null);
    }

    /// <summary>Unread first, newest first within each.</summary>
    public async Task<NotificationList> ListAsync(bool unreadOnly = false)
    {
        var me = Me;
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        if (unreadOnly) q = q.Where(n => n.ReadAtUtc == null);
        var items = await q.OrderBy(n => n.ReadAtUtc != null).ThenByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc, n.ReadAtUtc != null))
            .ToListAsync();
        return new NotificationList(await UnreadCountAsync(), items);
    }

    public async Task<string?> MarkReadAsync(Guid id)
    {
        var me = Me;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me)
                ?? throw new NotFoundException("Không tìm thấy thông báo.");
        if (n.ReadAtUtc is null)
        {
            n.ReadAtUtc = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        return n.Link;
    }

    public async Task<int> MarkAllReadAsync()
    {
        var me = Me;
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
    }

    public async Task<PreferencesView> PreferencesAsync()
    {
        var me = Me;
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync();
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me).ToListAsync();
        return new PreferencesView(hasEmail, email, NotificationKinds.Preferences.Select(k =>
        {
            var (inApp, mail) = NotificationKinds.Effective(stored, me, k, hasEmail);
            return new PreferenceDto(k, NotificationKinds.Vi(k), inApp, mail);
        }).ToList());
    }

    /// <summary>Saves the given kinds (others keep their value). E-mail can be chosen without an address; it applies once one is set.</summary>
    public async Task<PreferencesView> SavePreferencesAsync(IReadOnlyList<PreferenceChange>? changes)
    {
        var me = Me;
        if (changes is null || changes.Count == 0) throw new DomainValidationException("Items", "Không có lựa chọn nào để lưu.");
        if (changes.Any(c => !NotificationKinds.Preferences.Contains(c.Kind)))
            throw new DomainValidationException("Kind", "Loại thông báo không hợp lệ.");
        var stored = await db.NotificationPreferences.Where(p => p.UserId == me).ToListAsync();
        foreach (var c in changes.DistinctBy(c => c.Kind))
        {
            var p = stored.FirstOrDefault(x => x.Kind == c.Kind);
            if (p is null) db.NotificationPreferences.Add(p = new NotificationPreference { UserId = me, Kind = c.Kind });
            p.InApp = c.InApp;
            p.Email = c.Email;
        }
        await db.SaveChangesAsync();
        return await PreferencesAsync();
    }
}
