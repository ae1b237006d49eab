using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Calendar;

/// <summary>
/// The province's working calendar: Monday–Friday, minus the default days off of
/// <see cref="HolidayCalendar.DefaultDaysOff"/>, corrected by the administrator's
/// <see cref="CalendarOverride"/>s. Immutable and thread-safe: when the overrides change, build a
/// new instance. Each year is computed once, on first use, into a prefix-sum array, so
/// <see cref="IsWorkingDay"/> is O(1) and the counting functions are O(log 366 + years spanned),
/// all without allocation. Supports years <see cref="VietnameseLunarCalendar.MinYear"/>–<see cref="VietnameseLunarCalendar.MaxYear"/>.
/// </summary>
public sealed class WorkingCalendar : IWorkingCalendar
{
    public const int MinYear = VietnameseLunarCalendar.MinYear;
    public const int MaxYear = VietnameseLunarCalendar.MaxYear;

    private readonly HolidayRules _rules;
    private readonly Dictionary<int, List<CalendarOverride>> _overridesByYear;
    private readonly YearData?[] _years = new YearData?[MaxYear - MinYear + 1];

    public WorkingCalendar(IEnumerable<CalendarOverride>? overrides = null, HolidayRules? rules = null)
    {
        _rules = rules ?? HolidayRules.Default;
        Overrides = (overrides ?? []).Select(Validate).ToList().AsReadOnly();
        _overridesByYear = Overrides.GroupBy(o => o.Date.Year).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The calendar with the default rules and no overrides.</summary>
    public static WorkingCalendar Default { get; } = new();

    public HolidayRules Rules => _rules;

    public IReadOnlyList<CalendarOverride> Overrides { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        var prefix = Year(date.Year).Prefix;
        var i = date.DayOfYear;
        return prefix[i] != prefix[i - 1];
    }

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        if (days == 0) return start;
        var year = start.Year;
        var data = Year(year);
        if (days > 0)
        {
            // Find the days-th working day strictly after start.
            var remaining = days;
            var before = data.Prefix[start.DayOfYear];
            while (remaining > data.Total - before)
            {
                remaining -= data.Total - before;
                data = Year(++year);
                before = 0;
            }
            return DayOf(year, FirstIndexReaching(data.Prefix, before + remaining));
        }
        else
        {
            // Find the |days|-th working day strictly before start.
            var remaining = -(long)days;
            var upTo = data.Prefix[start.DayOfYear - 1]; // working days of this year before start
            while (remaining > upTo)
            {
                remaining -= upTo;
                data = Year(--year);
                upTo = data.Total;
            }
            return DayOf(year, FirstIndexReaching(data.Prefix, upTo - (int)remaining + 1));
        }
    }

    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var fromData = Year(from.Year);
        if (from.Year == to.Year)
            return fromData.Prefix[to.DayOfYear] - fromData.Prefix[from.DayOfYear];
        var count = fromData.Total - fromData.Prefix[from.DayOfYear];
        for (var y = from.Year + 1; y < to.Year; y++) count += Year(y).Total;
        return count + Year(to.Year).Prefix[to.DayOfYear];
    }

    /// <summary>The effective days off of <paramref name="year"/> other than ordinary weekends, with
    /// their names, for the admin screen: defaults (including statutory holidays that fall on a
    /// weekend) minus removed ones, plus announced ones. Sorted by date.</summary>
    public IReadOnlyList<DayOff> Holidays(int year) => Year(year).DaysOff;

    /// <summary>Saturdays and Sundays of <paramref name="year"/> that overrides made working days
    /// (ngày làm bù), with the administrator's names.</summary>
    public IReadOnlyList<CalendarOverride> MakeUpWorkingDays(int year) => Year(year).MakeUpDays;

    private static CalendarOverride Validate(CalendarOverride o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Date.Year is < MinYear or > MaxYear)
            throw new DomainValidationException(nameof(CalendarOverride.Date), $"Chỉ điều chỉnh được lịch các năm {MinYear}–{MaxYear}.");
        if (!Enum.IsDefined(o.Kind))
            throw new DomainValidationException(nameof(CalendarOverride.Kind), "Loại điều chỉnh lịch không hợp lệ.");
        if (o.Kind == CalendarOverrideKind.DayOff && string.IsNullOrWhiteSpace(o.Name))
            throw new DomainValidationException(nameof(CalendarOverride.Name), "Cần nhập tên ngày nghỉ.");
        return o;
    }

    // ---- per-year data ----

    private sealed class YearData(int[] prefix, IReadOnlyList<DayOff> daysOff, IReadOnlyList<CalendarOverride> makeUpDays)
    {
        /// <summary>Prefix[i] = working days among days 1..i of the year (Prefix[0] = 0).</summary>
        public readonly int[] Prefix = prefix;
        public readonly int Total = prefix[^1];
        public readonly IReadOnlyList<DayOff> DaysOff = daysOff;
        public readonly IReadOnlyList<CalendarOverride> MakeUpDays = makeUpDays;
    }

    private YearData Year(int year)
    {
        if (year < MinYear || year > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Lịch làm việc chỉ hỗ trợ năm {MinYear}–{MaxYear}.");
        var slot = year - MinYear;
        var data = Volatile.Read(ref _years[slot]);
        if (data is not null) return data;
        data = Build(year);
        return Interlocked.CompareExchange(ref _years[slot], data, null) ?? data;
    }

    private YearData Build(int year)
    {
        var daysOff = new SortedDictionary<DateOnly, DayOff>();
        foreach (var d in HolidayCalendar.DefaultDaysOff(year, _rules)) daysOff[d.Date] = d;

        var forcedWorking = new Dictionary<DateOnly, CalendarOverride>();
        if (_overridesByYear.TryGetValue(year, out var overrides))
        {
            foreach (var o in overrides)
            {
                forcedWorking.Remove(o.Date);
                switch (o.Kind)
                {
                    case CalendarOverrideKind.DayOff:
                        daysOff[o.Date] = new DayOff(o.Date, o.Name, DayOffKind.Announced);
                        break;
                    case CalendarOverrideKind.WorkingDay:
                        daysOff.Remove(o.Date);
                        forcedWorking[o.Date] = o;
                        break;
                    case CalendarOverrideKind.RemoveDayOff:
                        daysOff.Remove(o.Date);
                        break;
                }
            }
        }

        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var prefix = new int[length + 1];
        var day = new DateOnly(year, 1, 1);
        for (var i = 1; i <= length; i++, day = day.AddDays(1))
        {
            var working = forcedWorking.ContainsKey(day)
                || (!HolidayCalendar.IsWeekend(day) && !daysOff.ContainsKey(day));
            prefix[i] = prefix[i - 1] + (working ? 1 : 0);
        }

        var makeUp = forcedWorking.Values.Where(o => HolidayCalendar.IsWeekend(o.Date)).OrderBy(o => o.Date).ToList();
        return new YearData(prefix, daysOff.Values.ToList().AsReadOnly(), makeUp.AsReadOnly());
    }

    /// <summary>Smallest index i with prefix[i] ≥ target (prefix is non-decreasing; target ≥ 1
    /// and ≤ prefix[^1]), i.e. the day of the year on which the target-th working day falls.</summary>
    private static int FirstIndexReaching(int[] prefix, int target)
    {
        int lo = 1, hi = prefix.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (prefix[mid] >= target) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private static DateOnly DayOf(int year, int dayOfYear) => new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
}
