using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Web.Features.Notifications;

/// <summary>
/// Turns new assignment events into notifications in the same SaveChanges, so a notification
/// exists exactly when its event does: a new or transferred assignment, a returned report, a
/// decision on a unit's request → each active focal officer and leader of the unit, on the
/// channels they chose. E-mail only goes to the outbox here; nothing is sent during the request.
/// Events dated more than a day before now (back-filled data) are not announced.
/// </summary>
public sealed class NotificationInterceptor(TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationInterceptor> log)
    : BeforeSaveInterceptor
{
    private static NotificationKind? KindOf(AssignmentEventKind k) => k switch
    {
        AssignmentEventKind.Assigned or AssignmentEventKind.Transferred => NotificationKind.NewAssignment,
        AssignmentEventKind.ReviewNotPassed => NotificationKind.Returned,
        AssignmentEventKind.ExtensionApproved or AssignmentEventKind.ExtensionRejected or AssignmentEventKind.RefusalAccepted
            or AssignmentEventKind.RefusalRejected or AssignmentEventKind.AdjustmentApproved or AssignmentEventKind.AdjustmentRejected => NotificationKind.Decision,
        _ => null,
    };

    /// <summary>A failure here is logged and the notification lost: it must never stop the work being saved.</summary>
    protected override async Task BeforeSaveAsync(AppDbContext db, CancellationToken ct)
    {
        try { await AppendCoreAsync(db, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Could not create notifications for the assignment events being saved");
        }
    }

    private async Task AppendCoreAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = db.ChangeTracker.Entries<AssignmentEvent>()
            .Where(e => e.State == EntityState.Added && KindOf(e.Entity.Kind) is not null && e.Entity.AtUtc >= now.AddDays(-1))
            .Select(e => e.Entity).ToList();
        if (events.Count == 0) return;

        Guid UnitOf(AssignmentEvent e) => e.Kind == AssignmentEventKind.Transferred ? e.ToUnitId ?? e.LeadUnitId : e.LeadUnitId;
        var unitIds = events.Select(UnitOf).Distinct().ToList();
        var memberRoles = await db.Roles.Where(r => r.Name == Roles.FocalOfficer || r.Name == Roles.UnitLeader).Select(r => r.Id).ToListAsync(ct);
        var members = await db.Users.AsNoTracking()
            .Where(u => unitIds.Contains(u.UnitId) && !u.IsDisabled
                        && db.Set<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && memberRoles.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.UnitId, u.Email }).ToListAsync(ct);
        if (members.Count == 0) return;
        var ids = members.Select(m => m.Id).ToList();
        var prefs = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToListAsync(ct);

        foreach (var e in events)
        {
            var kind = KindOf(e.Kind)!.Value;
            var (content, number) = await DescribeAsync(db, e.AssignmentId, ct);
            var (title, body) = kind switch
            {
                NotificationKind.NewAssignment => ($"Nhiệm vụ mới: {Short(content)}",
                    $"Đơn vị được giao chủ trì nhiệm vụ theo văn bản {number}:\n{content}"
                    + (e.NewDeadline is { } d ? $"\nThời hạn: {d:dd/MM/yyyy}." : "\nKhông có thời hạn.")),
                NotificationKind.Returned => ($"Báo cáo bị trả lại: {Short(content)}",
                    $"Văn phòng xác nhận báo cáo chưa đạt (văn bản {number}):\n{content}" + (e.Text is { Length: > 0 } r ? $"\nLý do: {r}" : "")),
                _ => ($"{DecisionTitle(e.Kind)}: {Short(content)}",
                    $"{DecisionTitle(e.Kind)} (văn bản {number}):\n{content}"
                    + (e.NewDeadline is { } nd ? $"\nThời hạn mới: {nd:dd/MM/yyyy}." : "") + (e.Text is { Length: > 0 } n ? $"\nGhi chú: {n}" : "")),
            };
            foreach (var m in members.Where(m => m.UnitId == UnitOf(e)))
            {
                var (inApp, email) = NotificationKinds.Effective(prefs, m.Id, kind, !string.IsNullOrWhiteSpace(m.Email));
                NotificationWriter.Write(db, now, m.Id, m.Email, inApp, email, kind, title, body, $"/assignments/{e.AssignmentId}", options.Value.BaseUrl);
            }
        }
    }

    private static string DecisionTitle(AssignmentEventKind k) => k switch
    {
        AssignmentEventKind.ExtensionApproved => "Đồng ý gia hạn",
        AssignmentEventKind.ExtensionRejected => "Không đồng ý gia hạn",
        AssignmentEventKind.RefusalAccepted => "Chấp nhận đề nghị trả lại nhiệm vụ",
        AssignmentEventKind.RefusalRejected => "Không chấp nhận đề nghị trả lại nhiệm vụ",
        AssignmentEventKind.AdjustmentApproved => "Đồng ý điều chỉnh",
        _ => "Không đồng ý điều chỉnh",
    };

    internal static string Short(string s) => s.Length <= 120 ? s : s[..119] + "…";

    /// <summary>Task content and document number, from the change tracker first (a new document saves them together).</summary>
    private static async Task<(string Content, string Number)> DescribeAsync(AppDbContext db, Guid assignmentId, CancellationToken ct)
    {
        var a = db.ChangeTracker.Entries<Assignment>().FirstOrDefault(x => x.Entity.Id == assignmentId)?.Entity;
        var taskId = a?.TaskId ?? await db.Assignments.Where(x => x.Id == assignmentId).Select(x => x.TaskId).FirstOrDefaultAsync(ct);
        var t = db.ChangeTracker.Entries<DirectiveTask>().FirstOrDefault(x => x.Entity.Id == taskId)?.Entity;
        // An anonymous type, not a tuple: Npgsql cannot read a tuple projection (a PostgreSQL record).
        var row = t is not null ? new { t.Content, t.DocumentId }
            : await db.Tasks.Where(x => x.Id == taskId).Select(x => new { x.Content, x.DocumentId }).FirstOrDefaultAsync(ct);
        var (content, docId) = (row?.Content, row?.DocumentId ?? Guid.Empty);
        var d = db.ChangeTracker.Entries<DirectiveDocument>().FirstOrDefault(x => x.Entity.Id == docId)?.Entity;
        var number = d?.NumberAndSymbol ?? await db.Documents.Where(x => x.Id == docId).Select(x => x.NumberAndSymbol).FirstOrDefaultAsync(ct) ?? "";
        return (content ?? "", number);
    }
}
