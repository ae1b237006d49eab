using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Timeliness;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>
/// Settings of entry and review timeliness (section <c>Timeliness</c>): which rule judges how soon a
/// directive document and a unit's result report must be entered, and the cut-off hour of the same-day
/// rule (also the review rule of seed 002 art. 6.4). Changing them applies to entries made from then on;
/// what was recorded keeps the rule it was judged by.
/// </summary>
public sealed class TimelinessOptions
{
    public const string Section = "Timeliness";

    /// <summary><c>SameDayCutoff</c> (Đồng Tháp, default), <c>WorkingDays</c> (Tuyên Quang) or <c>ByUrgency</c>.</summary>
    public EntryRuleKind EntryRule { get; set; } = EntryRuleKind.SameDayCutoff;

    /// <summary>Local hour "HH:mm" after which the same-day rule allows the next working day (15:00).</summary>
    public string CutOff { get; set; } = "15:00";

    /// <summary>N of the <c>WorkingDays</c> rule (seed 004: 3).</summary>
    public int WorkingDays { get; set; } = 3;

    /// <summary>Working days per độ khẩn for <c>ByUrgency</c> (keys Thuong, Khan, ThuongKhan, HoaToc; 0 = the same day).
    /// Levels not set keep the defaults: HoaToc 0, ThuongKhan 0, Khan 1, Thuong 1.</summary>
    public Dictionary<Urgency, int> UrgencyDays { get; set; } = [];

    public TimeOnly CutOffTime =>
        TimeOnly.TryParseExact(CutOff, ["HH:mm", "H:mm", "HH:mm:ss"], out var t) ? t : Domain.Timeliness.EntryRule.DefaultCutoff;

    public EntryRule ToRule() => EntryRule switch
    {
        EntryRuleKind.WorkingDays => Domain.Timeliness.EntryRule.Within(Math.Max(0, WorkingDays), CutOffTime),
        EntryRuleKind.ByUrgency => Domain.Timeliness.EntryRule.PerUrgency(UrgencyDays.ToDictionary(k => k.Key, k => Math.Max(0, k.Value)), CutOffTime),
        _ => Domain.Timeliness.EntryRule.SameDay(CutOffTime),
    };
}
