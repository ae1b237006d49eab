using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Domain.Timeliness;

/// <summary>Which rule decides how soon a document or a result report must be entered (a setting).</summary>
public enum EntryRuleKind
{
    /// <summary>
    /// Đồng Tháp, seed 002 art. 6.3b: "Văn bản giao nhiệm vụ phải được cập nhật vào phần mềm ngay trong
    /// ngày phát hành văn bản, trường hợp văn bản được phát hành sau 15 giờ nếu không cập nhật kịp thì phải
    /// cập nhật ngay trong ngày làm việc tiếp theo" (and the same for a unit's report, art. 7.5).
    /// </summary>
    SameDayCutoff = 0,
    /// <summary>
    /// Tuyên Quang, seed 004 item 4: "cập nhật ... lên phần mềm theo dõi không quá 03 ngày làm việc kể từ
    /// khi văn bản chỉ đạo, điều hành ... được ban hành".
    /// </summary>
    WorkingDays = 1,
    /// <summary>
    /// Scaled by độ khẩn (domain.md "Time rules": "other provinces scale it by urgency (hỏa tốc the same
    /// day, ordinary within one working day)"). No seed states this rule; the days per level are settings.
    /// 0 means the same-day rule with the cut-off.
    /// </summary>
    ByUrgency = 2,
}

/// <summary>
/// The moment a document was issued or a report was received, in province local time. Only the date
/// is known for most documents (the form records ngày ban hành, not the hour): <see cref="Time"/> is
/// then null.
/// </summary>
public readonly record struct ReceivedMoment(DateOnly Date, TimeOnly? Time)
{
    public static ReceivedMoment At(DateTimeOffset instant) => new(ProvinceTime.LocalDate(instant), ProvinceTime.LocalTime(instant));
    public static ReceivedMoment OnDate(DateOnly date) => new(date, null);
}

/// <summary>A configured entry rule. Build with <see cref="SameDay"/>, <see cref="Within"/> or <see cref="PerUrgency"/>.</summary>
public sealed record EntryRule
{
    public static readonly TimeOnly DefaultCutoff = new(15, 0);

    private EntryRule(EntryRuleKind kind, TimeOnly cutoff, int workingDays, IReadOnlyDictionary<Urgency, int> urgencyDays)
    {
        Kind = kind;
        Cutoff = cutoff;
        WorkingDays = workingDays;
        UrgencyDays = urgencyDays;
    }

    public EntryRuleKind Kind { get; }
    /// <summary>The hour after which a same-day entry may wait for the next working day (15:00).</summary>
    public TimeOnly Cutoff { get; }
    /// <summary>N for <see cref="EntryRuleKind.WorkingDays"/>.</summary>
    public int WorkingDays { get; }
    /// <summary>N per độ khẩn for <see cref="EntryRuleKind.ByUrgency"/> (0 = the same day with the cut-off).</summary>
    public IReadOnlyDictionary<Urgency, int> UrgencyDays { get; }

    public static EntryRule SameDay(TimeOnly? cutoff = null) =>
        new(EntryRuleKind.SameDayCutoff, cutoff ?? DefaultCutoff, 0, new Dictionary<Urgency, int>());

    public static EntryRule Within(int workingDays, TimeOnly? cutoff = null)
    {
        if (workingDays < 0) throw new ArgumentOutOfRangeException(nameof(workingDays), "Số ngày làm việc không được âm.");
        return new(EntryRuleKind.WorkingDays, cutoff ?? DefaultCutoff, workingDays, new Dictionary<Urgency, int>());
    }

    /// <summary>Days per urgency; a level not given gets <see cref="DefaultUrgencyDays"/>'s value.</summary>
    public static EntryRule PerUrgency(IReadOnlyDictionary<Urgency, int>? days = null, TimeOnly? cutoff = null)
    {
        var map = Enum.GetValues<Urgency>().ToDictionary(u => u, u => days is not null && days.TryGetValue(u, out var n) ? n : DefaultUrgencyDays[u]);
        if (map.Values.Any(n => n < 0)) throw new ArgumentOutOfRangeException(nameof(days), "Số ngày làm việc không được âm.");
        return new(EntryRuleKind.ByUrgency, cutoff ?? DefaultCutoff, 0, map);
    }

    /// <summary>Hỏa tốc and thượng khẩn the same day (15:00 cut-off); khẩn and thường within one working day.</summary>
    public static readonly IReadOnlyDictionary<Urgency, int> DefaultUrgencyDays = new Dictionary<Urgency, int>
    {
        [Urgency.HoaToc] = 0, [Urgency.ThuongKhan] = 0, [Urgency.Khan] = 1, [Urgency.Thuong] = 1,
    };

    /// <summary>Working days allowed for a document of this urgency (0: the same day, with the cut-off).</summary>
    public int DaysFor(Urgency urgency) => Kind switch
    {
        EntryRuleKind.SameDayCutoff => 0,
        EntryRuleKind.WorkingDays => WorkingDays,
        _ => UrgencyDays.TryGetValue(urgency, out var n) ? n : 1,
    };

    /// <summary>A short, stable description stored with each outcome (which rule judged it).</summary>
    public string Describe(Urgency urgency) => Kind switch
    {
        EntryRuleKind.SameDayCutoff => $"SameDayCutoff {Cutoff:HH\\:mm}",
        EntryRuleKind.WorkingDays => $"WorkingDays {WorkingDays}",
        _ => $"ByUrgency {urgency} {DaysFor(urgency)}" + (DaysFor(urgency) == 0 ? $" {Cutoff:HH\\:mm}" : ""),
    };
}

/// <summary>The outcome of one entry: its deadline, when it was entered, in time or late (by how many working days).</summary>
public sealed record EntryOutcome(DateOnly Deadline, DateOnly EnteredOn, bool InTime, int LateWorkingDays);

/// <summary>
/// Entry and review timeliness (domain.md "Time rules"; seed 002 art. 6.3b, 6.4, 7.5; seed 004 item 4).
/// Pure: the moment, the rule and the working calendar in, a local date deadline out. A deadline is a
/// local date: the entry is in time when it is made on or before that day (Asia/Ho_Chi_Minh).
/// </summary>
public static class EntryTimeliness
{
    /// <summary>
    /// The same-day rule with a cut-off (seed 002 art. 6.3b / 6.4 / 7.5): due the day of the moment;
    /// the next working day when the moment is at or after the cut-off, or falls on a day that is not a
    /// working day. When only the date is known (<see cref="ReceivedMoment.Time"/> null) the document may
    /// have been issued after 15:00, so the next working day is allowed: nobody is marked late on a guess.
    /// </summary>
    public static DateOnly SameDayDeadline(ReceivedMoment moment, TimeOnly cutoff, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsWorkingDay(moment.Date)) return calendar.AddWorkingDays(moment.Date, 1);
        return moment.Time is { } t && t < cutoff ? moment.Date : calendar.AddWorkingDays(moment.Date, 1);
    }

    /// <summary>The entry deadline of something issued/received at <paramref name="moment"/> under <paramref name="rule"/>.
    /// N working days (seed 004): the N-th working day after the issue date (the issue day itself not counted).</summary>
    public static DateOnly EntryDeadline(ReceivedMoment moment, EntryRule rule, Urgency urgency, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = rule.DaysFor(urgency);
        return days <= 0 ? SameDayDeadline(moment, rule.Cutoff, calendar) : calendar.AddWorkingDays(moment.Date, days);
    }

    /// <summary>Classifies an entry made at <paramref name="enteredAtUtc"/>.</summary>
    public static EntryOutcome Classify(ReceivedMoment moment, DateTimeOffset enteredAtUtc, EntryRule rule, Urgency urgency, IWorkingCalendar calendar)
    {
        var deadline = EntryDeadline(moment, rule, urgency, calendar);
        return Judge(deadline, ProvinceTime.LocalDate(enteredAtUtc), calendar);
    }

    /// <summary>
    /// Review deadline (seed 002 art. 6.4): "Việc kiểm tra, xem xét và cập nhật các báo cáo, phản hồi vào
    /// phần mềm được thực hiện ngay trong ngày làm việc, trường hợp văn bản đơn vị gửi đến sau 15 giờ ...
    /// thì phải kiểm tra, cập nhật ngay trong ngày làm việc tiếp theo." The arrival time is known exactly
    /// (the submission), so this is <see cref="SameDayDeadline"/> of that instant. Used by the work queue too.
    /// </summary>
    public static DateOnly ReviewDeadline(DateTimeOffset arrivedAtUtc, TimeOnly cutoff, IWorkingCalendar calendar) =>
        SameDayDeadline(ReceivedMoment.At(arrivedAtUtc), cutoff, calendar);

    /// <summary>In time when done on or before the deadline day; late by the working days after it (at least 1).</summary>
    public static EntryOutcome Judge(DateOnly deadline, DateOnly doneOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var inTime = doneOn <= deadline;
        return new EntryOutcome(deadline, doneOn, inTime, inTime ? 0 : Math.Max(1, calendar.CountWorkingDays(deadline, doneOn)));
    }

    /// <summary>Late as of <paramref name="today"/> for something still not done (a report awaiting review).</summary>
    public static bool IsOverdue(DateOnly deadline, DateOnly today) => today > deadline;
}
