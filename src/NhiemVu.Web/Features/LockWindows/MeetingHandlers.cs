using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.LockWindows;

public sealed record ExemptionDto(Guid Id, Guid UnitId, string UnitName, string Reason, string? GrantedBy, DateTimeOffset GrantedAt);

/// <summary>A briefing meeting; times in province local time (+07:00).</summary>
public sealed record MeetingDto(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset LockStartsAt, bool Locking, bool Ended, IReadOnlyList<ExemptionDto>? Exemptions);

/// <summary>Start and end without an offset are local province times; with an offset or Z they are converted.</summary>
public sealed record SaveMeetingCommand(string? Title, DateTime? Start, DateTime? End);

public sealed record LiftLockCommand(Guid? UnitId, string? Reason);

/// <summary>The caller's unit and its lock (null when open).</summary>
public sealed record LockStatusDto(Guid UnitId, bool Locked, LockStatus? Lock);

/// <summary>The office's calendar of briefing meetings and its lifting of locks; shared by
/// /office/meetings and /api/meetings.</summary>
public sealed class MeetingHandlers(AppDbContext db, TimeProvider clock, ICurrentActor actor, LockWindowService locks)
{
    /// <summary>Meetings by start time: those not yet ended, or all with <paramref name="includePast"/>.</summary>
    public async Task<IReadOnlyList<MeetingDto>> ListAsync(bool includePast, bool includeExemptions)
    {
        var now = clock.GetUtcNow();
        var q = db.BriefingMeetings.AsNoTracking();
        if (!includePast) q = q.Where(m => m.EndsAt > now);
        var meetings = (await q.ToListAsync()).OrderBy(m => m.StartsAt).ToList();
        ILookup<Guid, ExemptionDto>? exemptions = null;
        if (includeExemptions && meetings.Count > 0)
        {
            var ids = meetings.Select(m => m.Id).ToList();
            var rows = await (from e in db.LockExemptions.AsNoTracking()
                              where ids.Contains(e.MeetingId)
                              join u in db.Units on e.UnitId equals u.Id
                              join p in db.Users on e.GrantedBy equals (Guid?)p.Id into ps
                              from p in ps.DefaultIfEmpty()
                              select new { e.MeetingId, Dto = new ExemptionDto(e.Id, e.UnitId, u.Name, e.Reason, p == null ? null : p.FullName, e.GrantedAt) })
                .ToListAsync();
            exemptions = rows.OrderBy(r => r.Dto.GrantedAt).ToLookup(r => r.MeetingId, r => r.Dto with { GrantedAt = ProvinceTime.ToLocal(r.Dto.GrantedAt) });
        }
        return meetings.Select(m => ToDto(m, now, exemptions?[m.Id].ToList())).ToList();
    }

    public async Task<MeetingDto> GetAsync(Guid id, bool includeExemptions)
    {
        var m = await db.BriefingMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id)
                ?? throw new NotFoundException("Không tìm thấy hội nghị.");
        if (!includeExemptions) return ToDto(m, clock.GetUtcNow(), null);
        return (await ListAsync(includePast: true, includeExemptions: true)).Single(x => x.Id == id);
    }

    public async Task<Guid> CreateAsync(SaveMeetingCommand c)
    {
        if (c.Start is not { } start) throw new DomainValidationException("start", "Hãy nhập thời gian bắt đầu.");
        if (c.End is not { } end) throw new DomainValidationException("end", "Hãy nhập thời gian kết thúc.");
        var meeting = new BriefingMeeting(c.Title ?? "", ToUtc(start), ToUtc(end));
        db.BriefingMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>Deletes a meeting (entered by mistake or cancelled) with its lock exemptions; each is audited.</summary>
    public async Task DeleteAsync(Guid id)
    {
        var meeting = await db.BriefingMeetings.FirstOrDefaultAsync(m => m.Id == id)
                      ?? throw new NotFoundException("Không tìm thấy hội nghị.");
        db.LockExemptions.RemoveRange(await db.LockExemptions.Where(e => e.MeetingId == id).ToListAsync());
        db.BriefingMeetings.Remove(meeting);
        await db.SaveChangesAsync();
    }

    /// <summary>Lifts the lock of one meeting for one unit, with the reason (recorded and audited).</summary>
    public async Task<Guid> LiftAsync(Guid meetingId, LiftLockCommand c)
    {
        var meeting = await db.BriefingMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId)
                      ?? throw new NotFoundException("Không tìm thấy hội nghị.");
        if (c.UnitId is not { } unitId) throw new DomainValidationException("unitId", "Hãy chọn đơn vị được mở khóa.");
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.IsActive)
                   ?? throw new DomainValidationException("unitId", "Đơn vị không tồn tại hoặc đã ngừng hoạt động.");
        var exemption = new LockExemption(meetingId, unitId, c.Reason ?? "", actor.UserId, clock.GetUtcNow());
        if (meeting.EndsAt <= clock.GetUtcNow())
            throw new DomainException("meeting.ended", "Hội nghị đã kết thúc nên không còn khóa để mở.");
        if (await db.LockExemptions.AnyAsync(e => e.MeetingId == meetingId && e.UnitId == unitId))
            throw new DomainException("lock.already_lifted", $"Đã mở khóa cho {unit.Name} trong đợt hội nghị này.");
        db.LockExemptions.Add(exemption);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw new DomainException("lock.already_lifted", $"Đã mở khóa cho {unit.Name} trong đợt hội nghị này.");
        }
        return exemption.Id;
    }

    /// <summary>The signed-in person's unit and its lock.</summary>
    public async Task<LockStatusDto> MyStatusAsync()
    {
        var unitId = await MyUnitAsync();
        var status = await locks.ActiveLockAsync(unitId);
        return new LockStatusDto(unitId, status is not null, status);
    }

    public async Task EnsureMyUnitOpenAsync() => await locks.EnsureOpenAsync(await MyUnitAsync());

    private async Task<Guid> MyUnitAsync()
    {
        var userId = actor.UserId ?? throw new ForbiddenException();
        return await db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.UnitId).FirstOrDefaultAsync()
               ?? throw new NotFoundException("Không tìm thấy tài khoản.");
    }

    private MeetingDto ToDto(BriefingMeeting m, DateTimeOffset now, IReadOnlyList<ExemptionDto>? exemptions) => new(
        m.Id, m.Title, ProvinceTime.ToLocal(m.StartsAt), ProvinceTime.ToLocal(m.EndsAt),
        ProvinceTime.ToLocal(m.LockStartsAt(locks.DaysBefore)), m.Locks(now, locks.DaysBefore), m.EndsAt <= now, exemptions);

    /// <summary>A time without offset (a form's datetime-local, or JSON without an offset) is
    /// province local time; one with an offset is converted.</summary>
    public static DateTimeOffset ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(t),
        DateTimeKind.Local => new DateTimeOffset(t.ToUniversalTime()),
        _ => new DateTimeOffset(t, ProvinceTime.Offset).ToUniversalTime(),
    };
}
