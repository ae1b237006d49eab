using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.LockWindows;

/// <summary>Settings of the lock window (section <c>LockWindow</c>, seed 003).</summary>
public sealed class LockWindowOptions
{
    public const string Section = "LockWindow";

    /// <summary>How many days before a briefing meeting units stop posting. A count of
    /// <b>calendar</b> days, not working days (seed 003: "trước 03 ngày diễn ra Hội nghị"): the
    /// lock starts at 00:00 local time this many days before the local date on which the meeting
    /// starts, and lasts until the meeting ends. Default 3.</summary>
    public int DaysBefore { get; set; } = 3;
}

/// <summary>
/// Whether a unit may post now (progress, reports, requests, explanations). Other slices call
/// <see cref="EnsureOpenAsync"/> before a unit's write; it throws <see cref="LockedException"/>,
/// which the API answers with 423 and pages show above the form.
/// </summary>
public sealed class LockWindowService(AppDbContext db, TimeProvider clock, IOptions<LockWindowOptions> options)
{
    public int DaysBefore => Math.Max(0, options.Value.DaysBefore);

    /// <summary>The lock that applies to <paramref name="unitId"/> now, or null when it may post.
    /// When several meetings lock it at once, the one that ends last (the unit is locked until then).</summary>
    public async Task<LockStatus?> ActiveLockAsync(Guid unitId)
    {
        var now = clock.GetUtcNow();
        var days = DaysBefore;
        // A lock starts at most days+1 calendar days before its meeting: narrow in SQL, decide exactly below.
        var horizon = now.AddDays(days + 1);
        var candidates = await db.BriefingMeetings.AsNoTracking()
            .Where(m => m.EndsAt > now && m.StartsAt <= horizon)
            .Where(m => !db.LockExemptions.Any(e => e.MeetingId == m.Id && e.UnitId == unitId))
            .ToListAsync();
        var meeting = candidates.Where(m => m.Locks(now, days)).OrderByDescending(m => m.EndsAt).FirstOrDefault();
        return meeting is null ? null : StatusOf(meeting, days);
    }

    /// <summary>Throws <see cref="LockedException"/> (→ 423) naming the meeting and when the lock
    /// ends, if <paramref name="unitId"/> is locked now.</summary>
    public async Task EnsureOpenAsync(Guid unitId)
    {
        if (await ActiveLockAsync(unitId) is { } status) throw new LockedException(status.Reason);
    }

    public static LockStatus StatusOf(BriefingMeeting m, int daysBefore)
    {
        var reason = string.Format(CultureInfo.InvariantCulture,
            "Đang khóa cập nhật thông tin trước {0} (bắt đầu {1:dd/MM/yyyy HH:mm}). Đơn vị cập nhật lại được sau khi hội nghị kết thúc, lúc {2:dd/MM/yyyy HH:mm}.",
            m.Title, ProvinceTime.ToLocal(m.StartsAt), ProvinceTime.ToLocal(m.EndsAt));
        return new LockStatus(m.Id, m.Title, ProvinceTime.ToLocal(m.StartsAt), ProvinceTime.ToLocal(m.LockStartsAt(daysBefore)),
            ProvinceTime.ToLocal(m.EndsAt), reason);
    }
}
