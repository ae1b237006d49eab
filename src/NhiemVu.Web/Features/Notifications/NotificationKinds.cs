using NhiemVu.Data;

namespace NhiemVu.Web.Features.Notifications;

/// <summary>The kinds a user chooses channels for, their Vietnamese names and the defaults.</summary>
public static class NotificationKinds
{
    public static readonly NotificationKind[] Preferences =
    [
        NotificationKind.NewAssignment, NotificationKind.DueSoon, NotificationKind.Overdue, NotificationKind.Returned,
        NotificationKind.Decision, NotificationKind.StaleProgress, NotificationKind.OfficeSummary, NotificationKind.LeaderSummary,
    ];

    /// <summary>Kinds that only go out in the morning digest (e-mail on by default when the account has an address).</summary>
    public static readonly HashSet<NotificationKind> DigestOnly =
        [NotificationKind.DueSoon, NotificationKind.Overdue, NotificationKind.StaleProgress, NotificationKind.OfficeSummary, NotificationKind.LeaderSummary];

    public static string Vi(NotificationKind k) => k switch
    {
        NotificationKind.NewAssignment => "Nhiệm vụ mới được giao",
        NotificationKind.DueSoon => "Nhiệm vụ sắp đến hạn",
        NotificationKind.Overdue => "Nhiệm vụ quá hạn",
        NotificationKind.Returned => "Báo cáo bị trả lại",
        NotificationKind.Decision => "Quyết định về đề nghị của đơn vị",
        NotificationKind.StaleProgress => "Nhiệm vụ lâu chưa cập nhật tiến độ",
        NotificationKind.OfficeSummary => "Tổng hợp cho Văn phòng",
        NotificationKind.LeaderSummary => "Tổng hợp cho lãnh đạo UBND tỉnh",
        _ => "Bản tin buổi sáng",
    };

    public static (bool InApp, bool Email) Default(NotificationKind k, bool hasEmail) => (true, hasEmail && DigestOnly.Contains(k));

    /// <summary>The effective choice per kind of each user (stored rows over the defaults).</summary>
    public static (bool InApp, bool Email) Effective(IReadOnlyCollection<NotificationPreference> stored, Guid userId, NotificationKind k, bool hasEmail)
    {
        var p = stored.FirstOrDefault(x => x.UserId == userId && x.Kind == k);
        return p is null ? Default(k, hasEmail) : (p.InApp, p.Email && hasEmail);
    }
}

/// <summary>Adds a notification and/or an outbox e-mail to the context (the caller saves).</summary>
public static class NotificationWriter
{
    public static void Write(AppDbContext db, DateTimeOffset now, Guid userId, string? email, bool inApp, bool byEmail,
        NotificationKind kind, string title, string body, string? link, string? baseUrl)
    {
        if (title.Length > Notification.MaxTitleLength) title = title[..(Notification.MaxTitleLength - 1)] + "…";
        if (inApp)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now), UserId = userId, Kind = kind, Title = title, Body = body, Link = link, CreatedAtUtc = now,
            });
        if (byEmail && !string.IsNullOrWhiteSpace(email))
        {
            var url = link is null ? null : (baseUrl?.TrimEnd('/') ?? "") + link;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now), To = email.Trim(), Subject = $"[NhiemVu] {title}",
                Body = body + (url is null ? "" : $"\n\n{url}") + "\n\n— Hệ thống theo dõi nhiệm vụ do UBND tỉnh giao (thư tự động, vui lòng không trả lời).",
                CreatedAtUtc = now, NextAttemptAtUtc = now,
            });
        }
    }
}
