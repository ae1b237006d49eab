namespace NhiemVu.Domain.Calendar;

/// <summary>A date of the Vietnamese lunar calendar (âm lịch).</summary>
/// <param name="Year">The lunar year, numbered like the Gregorian year in which it mostly falls
/// (lunar 1/1/2025 is 29 January 2025).</param>
/// <param name="Month">1–12.</param>
/// <param name="Day">1–30.</param>
/// <param name="IsLeapMonth">True in the intercalary (nhuận) copy of <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year}";
}

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7
/// (the rules used by Vietnam since 1968, as described by Hồ Ngọc Đức):
/// <list type="bullet">
/// <item>a lunar month begins on the local (UTC+7) day that contains the new moon;</item>
/// <item>the month containing the winter solstice is month 11;</item>
/// <item>when 13 new moons begin between two month-11s, the first month after month 11 that
/// contains no major solar term (sun longitude a multiple of 30°) is the leap month and repeats
/// the number of the month before it.</item>
/// </list>
/// New moons use Meeus' truncated series (Astronomical Algorithms, ch. 49 in the form of
/// Hồ Ngọc Đức's reference implementation); the sun's apparent longitude uses the low-precision
/// solar series (ch. 25). Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>,
/// which follows UTC+8 and differs from Vietnam in some years (e.g. Tết 2007, 2030).
/// Pure and thread-safe; valid for Gregorian years <see cref="MinYear"/>–<see cref="MaxYear"/>.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>The time zone, in hours east of UTC, that the calendar is computed for.</summary>
    public const double TimeZoneHours = 7.0;

    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695; // JD of the new moon of 1900-01-01
    private const int JulianDayOfDayNumberZero = 1721426;  // JDN of 0001-01-01 (proleptic Gregorian)

    /// <summary>Converts a Gregorian date to the Vietnamese lunar date.</summary>
    public static LunarDate FromGregorian(DateOnly date)
    {
        CheckGregorianYear(date.Year, nameof(date));
        return FromJulianDay(ToJulianDay(date), TimeZoneHours);
    }

    /// <summary>Converts a Vietnamese lunar date to the Gregorian date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lunar date does not exist (no such leap
    /// month that year, or day 30 of a 29-day month).</exception>
    public static DateOnly ToGregorian(int lunarYear, int month, int day, bool isLeapMonth = false)
    {
        if (lunarYear < MinYear - 1 || lunarYear > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Chỉ hỗ trợ năm âm lịch {MinYear - 1}–{MaxYear}.");
        if (month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), month, "Tháng âm lịch phải từ 1 đến 12.");
        if (day is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(day), day, "Ngày âm lịch phải từ 1 đến 30.");

        var jd = ToJulianDay(lunarYear, month, day, isLeapMonth, TimeZoneHours)
            ?? throw new ArgumentOutOfRangeException(nameof(isLeapMonth), isLeapMonth,
                $"Năm âm lịch {lunarYear} không có tháng {month} nhuận.");
        // A requested day 30 in a 29-day month would land on day 1 of the next month.
        if (day == 30 && FromJulianDay(jd, TimeZoneHours).Day != 30)
            throw new ArgumentOutOfRangeException(nameof(day), day, "Tháng âm lịch này chỉ có 29 ngày.");
        return FromJulianDay(jd);
    }

    /// <inheritdoc cref="ToGregorian(int,int,int,bool)"/>
    public static DateOnly ToGregorian(LunarDate date) =>
        ToGregorian(date.Year, date.Month, date.Day, date.IsLeapMonth);

    /// <summary>Tết Nguyên đán: the Gregorian date of lunar 1/1 of the lunar year that begins in
    /// <paramref name="gregorianYear"/>.</summary>
    public static DateOnly TetDate(int gregorianYear)
    {
        CheckGregorianYear(gregorianYear, nameof(gregorianYear));
        return ToGregorian(gregorianYear, 1, 1);
    }

    /// <summary>The leap month of a lunar year (the number it repeats), or 0 if the year has none.</summary>
    public static int LeapMonth(int lunarYear)
    {
        if (lunarYear < MinYear - 1 || lunarYear > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Chỉ hỗ trợ năm âm lịch {MinYear - 1}–{MaxYear}.");
        // A leap month numbered 11 or 12 lies in the period that starts at month 11 of this year;
        // any other lies in the period that starts at month 11 of the year before.
        var late = Period.For(lunarYear, TimeZoneHours);
        if (late.LeapOffset is 1 or 2) return late.LeapOffset == 1 ? 11 : 12;
        var early = Period.For(lunarYear - 1, TimeZoneHours);
        return early.LeapOffset >= 3 ? early.Label(early.LeapOffset).Month : 0;
    }

    /// <summary>Number of days (29 or 30) of a lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        var first = ToGregorian(lunarYear, month, 1, isLeapMonth);
        var firstJd = ToJulianDay(first);
        var next = FromJulianDay(firstJd + 29, TimeZoneHours);
        return next.Day == 1 ? 29 : 30;
    }

    // ---- internals (time zone is a parameter so the same code can be checked against UTC+8) ----

    internal static int ToJulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    internal static DateOnly FromJulianDay(int jd) => DateOnly.FromDayNumber(jd - JulianDayOfDayNumberZero);

    internal static LunarDate FromJulianDay(int jd, double timeZone)
    {
        var date = FromJulianDay(jd);
        // The period (month 11 .. next month 11) containing jd starts in this or the previous year.
        var period = Period.For(date.Year, timeZone);
        if (period.Start > jd) period = Period.For(date.Year - 1, timeZone);

        var offset = period.Months - 1;
        while (period.MonthStart(offset) > jd) offset--;
        var label = period.Label(offset);
        return label with { Day = jd - period.MonthStart(offset) + 1 };
    }

    internal static int? ToJulianDay(int lunarYear, int month, int day, bool leap, double timeZone)
    {
        // Months 11 and 12 belong to the period that starts in the same year; months 1–10 to the
        // period that started with month 11 of the previous year.
        var period = Period.For(month >= 11 ? lunarYear : lunarYear - 1, timeZone);
        for (var offset = 0; offset < period.Months; offset++)
        {
            var label = period.Label(offset);
            if (label.Month == month && label.IsLeapMonth == leap)
                return period.MonthStart(offset) + day - 1;
        }
        return null;
    }

    private static void CheckGregorianYear(int year, string paramName)
    {
        if (year < MinYear || year > MaxYear)
            throw new ArgumentOutOfRangeException(paramName, year, $"Chỉ hỗ trợ năm {MinYear}–{MaxYear}.");
    }

    /// <summary>The lunar months from month 11 of <see cref="SolsticeYear"/> (the month containing
    /// that December's winter solstice) up to, excluding, the next month 11.</summary>
    private readonly struct Period
    {
        public int SolsticeYear { get; }
        public int Start { get; }
        public int Months { get; }      // 12, or 13 when the period contains a leap month
        public int LeapOffset { get; }  // offset of the leap month from month 11, or -1
        private readonly int _k;        // new-moon index of month 11
        private readonly double _timeZone;

        private Period(int solsticeYear, double timeZone)
        {
            SolsticeYear = solsticeYear;
            _timeZone = timeZone;
            Start = Month11Start(solsticeYear, timeZone);
            var next = Month11Start(solsticeYear + 1, timeZone);
            _k = (int)Math.Floor((Start - NewMoonEpoch) / SynodicMonth + 0.5);
            Months = (int)Math.Round((next - Start) / SynodicMonth);
            LeapOffset = Months == 13 ? FirstMonthWithoutMajorTerm(_k, timeZone) : -1;
        }

        public static Period For(int solsticeYear, double timeZone) => new(solsticeYear, timeZone);

        public int MonthStart(int offset) => NewMoonDay(_k + offset, _timeZone);

        public LunarDate Label(int offset)
        {
            var leap = offset == LeapOffset;
            var ordinal = LeapOffset >= 0 && offset >= LeapOffset ? offset - 1 : offset; // 0 = month 11
            var month = (ordinal + 10) % 12 + 1;
            var year = ordinal < 2 ? SolsticeYear : SolsticeYear + 1;
            return new LunarDate(year, month, 1, leap);
        }

        private static int FirstMonthWithoutMajorTerm(int k, double timeZone)
        {
            // A month contains a major term iff the sun's 30° sector changes between its first day
            // and the first day of the next month.
            var sector = SunSector(NewMoonDay(k + 1, timeZone), timeZone);
            for (var i = 1; i < 13; i++)
            {
                var nextSector = SunSector(NewMoonDay(k + i + 1, timeZone), timeZone);
                if (nextSector == sector) return i;
                sector = nextSector;
            }
            return 12;
        }
    }

    /// <summary>First day (JDN) of the lunar month 11 containing the winter solstice of <paramref name="year"/>.</summary>
    private static int Month11Start(int year, double timeZone)
    {
        var off = ToJulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var nm = NewMoonDay(k, timeZone);
        // If that new moon is already past the solstice (sun longitude ≥ 270°), month 11 began one earlier.
        return SunSector(nm, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : nm;
    }

    /// <summary>Local day (JDN) of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k, double timeZone) =>
        (int)Math.Floor(NewMoon(k) + 0.5 + timeZone / 24);

    /// <summary>Index 0–11 of the sun's 30° sector at the start (local midnight) of a day.</summary>
    private static int SunSector(int jdn, double timeZone) =>
        (int)Math.Floor(SunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI * 6);

    /// <summary>Julian day (TT→UT corrected) of the k-th mean new moon after 1900-01-01, with the
    /// main periodic terms (Meeus).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                  + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;      // sun's mean anomaly
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;   // moon's mean anomaly
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;      // moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m)
                 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr)
                 - 0.0004 * Math.Sin(dr * 3 * mpr)
                 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr))
                 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m))
                 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr))
                 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians [0, 2π) at Julian day <paramref name="jd"/> (UT).</summary>
    private static double SunLongitude(double jd)
    {
        var t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;                      // mean longitude
        var c = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m)
                + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + c) * dr;
        return l - 2 * Math.PI * Math.Floor(l / (2 * Math.PI));
    }
}
