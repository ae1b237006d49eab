using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.LockWindows;

/// <summary>
/// A socio-economic briefing meeting of the province (Hội nghị giao ban kinh tế – xã hội) on the
/// UBND's work calendar. From a configured number of calendar days before it starts until it
/// ends, units cannot post or change information (seed 003: the lock window).
/// Times are instants (stored UTC); the office enters and reads them in province local time.
/// </summary>
public sealed class BriefingMeeting
{
    public const int MaxTitleLength = 256;

    private BriefingMeeting() { Title = ""; }

    public BriefingMeeting(string title, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        Id = Guid.CreateVersion7();
        Title = ValidateTitle(title);
        (StartsAt, EndsAt) = ValidateTimes(startsAt, endsAt);
        ConcurrencyStamp = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>When the lock begins: 00:00 local time, <paramref name="daysBefore"/> calendar
    /// days (not working days) before the local date on which the meeting starts.</summary>
    public DateTimeOffset LockStartsAt(int daysBefore) =>
        ProvinceTime.StartOfDayUtc(ProvinceTime.LocalDate(StartsAt).AddDays(-daysBefore));

    /// <summary>True from <see cref="LockStartsAt"/> (inclusive) until the meeting ends (exclusive).</summary>
    public bool Locks(DateTimeOffset now, int daysBefore) => now >= LockStartsAt(daysBefore) && now < EndsAt;

    private static string ValidateTitle(string title)
    {
        title = (title ?? "").Trim();
        if (title.Length is 0 or > MaxTitleLength)
            throw new DomainValidationException("title", "Tên hội nghị là bắt buộc và dài tối đa 256 ký tự.");
        return title;
    }

    private static (DateTimeOffset, DateTimeOffset) ValidateTimes(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new DomainValidationException("end", "Thời gian kết thúc phải sau thời gian bắt đầu.");
        if (end - start > TimeSpan.FromDays(7))
            throw new DomainValidationException("end", "Một hội nghị kéo dài tối đa 7 ngày.");
        return (start.ToUniversalTime(), end.ToUniversalTime());
    }
}

/// <summary>The office lifted the lock of one meeting for one unit (recorded with the reason).</summary>
public sealed class LockExemption
{
    public const int MaxReasonLength = 1000;

    private LockExemption() { Reason = ""; }

    public LockExemption(Guid meetingId, Guid unitId, string reason, Guid? grantedBy, DateTimeOffset grantedAt)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > MaxReasonLength)
            throw new DomainValidationException("reason", "Cần nêu lý do mở khóa (tối đa 1000 ký tự).");
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        UnitId = unitId;
        Reason = reason;
        GrantedBy = grantedBy;
        GrantedAt = grantedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Reason { get; private set; }
    public Guid? GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
}

/// <summary>Why a unit cannot post now: the meeting that locks it and until when.</summary>
/// <param name="Reason">The Vietnamese sentence shown to the unit.</param>
public sealed record LockStatus(
    Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, DateTimeOffset LockedFrom,
    DateTimeOffset LockedUntil, string Reason);
