namespace NhiemVu.Domain.Calendar;

/// <summary>Why a day is off.</summary>
public enum DayOffKind
{
    /// <summary>A public holiday of the Labour Code 2019, art. 112.</summary>
    Statutory,
    /// <summary>Nghỉ bù: a working day given in place of a statutory holiday that fell on a weekend.</summary>
    Compensation,
    /// <summary>Added by an administrator (a day off announced by the government for that year).</summary>
    Announced,
}

/// <summary>A day off that is not simply a Saturday or Sunday, with its Vietnamese name.</summary>
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind);

/// <summary>Which day next to 2 September is the second National Day holiday (art. 112 leaves the
/// choice to the Prime Minister each year; the default is a setting).</summary>
public enum NationalDayAdjacentDay
{
    /// <summary>1 September.</summary>
    DayBefore,
    /// <summary>3 September.</summary>
    DayAfter,
}

/// <summary>Settings of the default holiday rules.</summary>
public sealed record HolidayRules
{
    public static readonly HolidayRules Default = new();

    /// <summary>The second National Day holiday; 1 September unless configured otherwise.</summary>
    public NationalDayAdjacentDay NationalDayAdjacentDay { get; init; } = NationalDayAdjacentDay.DayBefore;
}

/// <summary>
/// The default days off of a year under the Labour Code 2019, art. 112, before any announcement
/// of the government for that year (which administrators enter as <see cref="CalendarOverride"/>s).
/// </summary>
public static class HolidayCalendar
{
    public const string NewYearName = "Tết Dương lịch";
    public const string TetName = "Tết Nguyên đán";
    public const string HungKingsName = "Giỗ Tổ Hùng Vương";
    public const string ReunificationName = "Ngày Chiến thắng";
    public const string LabourDayName = "Quốc tế Lao động";
    public const string NationalDayName = "Quốc khánh";
    public const string CompensationPrefix = "Nghỉ bù";

    /// <summary>The statutory holidays of <paramref name="year"/>, without compensation days:
    /// 1/1; Tết (the last day of the lunar year and lunar 1/1–4/1); lunar 10/3; 30/4; 1/5;
    /// 2/9 and the adjacent day chosen by <paramref name="rules"/>. Sorted by date. If two
    /// holidays fall on the same day (possible for lunar 10/3 and 30/4) it is one day off with
    /// both names; the law gives no extra day for it.</summary>
    public static IReadOnlyList<DayOff> StatutoryHolidays(int year, HolidayRules? rules = null)
    {
        rules ??= HolidayRules.Default;
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly date, string name) =>
            days[date] = days.TryGetValue(date, out var existing) ? $"{existing}; {name}" : name;

        Add(new DateOnly(year, 1, 1), NewYearName);

        var tet = VietnameseLunarCalendar.TetDate(year);
        for (var i = -1; i <= 3; i++) Add(tet.AddDays(i), TetName);

        Add(VietnameseLunarCalendar.ToGregorian(year, 3, 10), HungKingsName);
        Add(new DateOnly(year, 4, 30), ReunificationName);
        Add(new DateOnly(year, 5, 1), LabourDayName);

        Add(new DateOnly(year, 9, 2), NationalDayName);
        Add(rules.NationalDayAdjacentDay == NationalDayAdjacentDay.DayBefore
            ? new DateOnly(year, 9, 1)
            : new DateOnly(year, 9, 3), NationalDayName);

        return days.Select(d => new DayOff(d.Key, d.Value, DayOffKind.Statutory)).ToList().AsReadOnly();
    }

    /// <summary>
    /// All default days off of <paramref name="year"/>: the statutory holidays plus one
    /// compensation day (nghỉ bù) for each of them that falls on a Saturday or Sunday, placed on
    /// the next days after it that are neither weekend, nor holiday, nor already a compensation
    /// day (so a cluster such as Tết over a weekend is followed by as many compensation days as
    /// weekend days it covered). Sorted by date.
    /// </summary>
    public static IReadOnlyList<DayOff> DefaultDaysOff(int year, HolidayRules? rules = null)
    {
        var statutory = StatutoryHolidays(year, rules);
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var result = new List<DayOff>(statutory);
        foreach (var holiday in statutory)
        {
            if (!IsWeekend(holiday.Date)) continue;
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day)) day = day.AddDays(1);
            taken.Add(day);
            result.Add(new DayOff(day, $"{CompensationPrefix} {holiday.Name}", DayOffKind.Compensation));
        }
        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result.AsReadOnly();
    }

    public static bool IsWeekend(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
