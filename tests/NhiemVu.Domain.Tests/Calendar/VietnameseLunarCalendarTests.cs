using System.Globalization;
using NhiemVu.Domain.Calendar;

namespace NhiemVu.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    /// <summary>
    /// Tết Nguyên đán (lunar 1/1) in Vietnam, 2000–2040. Sources, cross-checked:
    /// vacanza/holidays (python-holidays) holidays/calendars/chinese.py — LUNAR_NEW_YEAR_DATES with
    /// the VIETNAMESE_CALENDAR_LUNAR_NEW_YEAR_DATES exceptions (2007-02-17, 2030-02-02); the
    /// published Chinese New Year dates (identical in every other year of the range); and the
    /// scienceinfo.net article "Why is the Vietnamese and Chinese New Year a day different?"
    /// (Vietnam celebrates earlier than China in 2030); a public VN-Index trading-calendar test
    /// (2017–2027 and 2030-02-02, "new moon 23:07 Vietnam time on 2 Feb, 3 Feb in China").
    /// The algorithm is Hồ Ngọc Đức's; his published tables were not available to compare directly.
    /// </summary>
    public static readonly TheoryData<int, int, int> PublishedTetDates = new()
    {
        { 2000, 2, 5 }, { 2001, 1, 24 }, { 2002, 2, 12 }, { 2003, 2, 1 }, { 2004, 1, 22 },
        { 2005, 2, 9 }, { 2006, 1, 29 }, { 2007, 2, 17 }, { 2008, 2, 7 }, { 2009, 1, 26 },
        { 2010, 2, 14 }, { 2011, 2, 3 }, { 2012, 1, 23 }, { 2013, 2, 10 }, { 2014, 1, 31 },
        { 2015, 2, 19 }, { 2016, 2, 8 }, { 2017, 1, 28 }, { 2018, 2, 16 }, { 2019, 2, 5 },
        { 2020, 1, 25 }, { 2021, 2, 12 }, { 2022, 2, 1 }, { 2023, 1, 22 }, { 2024, 2, 10 },
        { 2025, 1, 29 }, { 2026, 2, 17 }, { 2027, 2, 6 }, { 2028, 1, 26 }, { 2029, 2, 13 },
        { 2030, 2, 2 }, { 2031, 1, 23 }, { 2032, 2, 11 }, { 2033, 1, 31 }, { 2034, 2, 19 },
        { 2035, 2, 8 }, { 2036, 1, 28 }, { 2037, 2, 15 }, { 2038, 2, 4 }, { 2039, 1, 24 },
        { 2040, 2, 12 },
    };

    /// <summary>Years of 2000–2040 in which the Vietnamese Tết (UTC+7) is a day before the
    /// Chinese New Year (UTC+8): the new moon falls between 16:00 and 17:00 UTC.</summary>
    private static readonly int[] YearsWhereVietnamDiffersFromChina = [2007, 2030];

    [Theory]
    [MemberData(nameof(PublishedTetDates))]
    public void Tet_is_lunar_1_1_on_the_published_date(int year, int month, int day)
    {
        var expected = new DateOnly(year, month, day);
        Assert.Equal(expected, VietnameseLunarCalendar.TetDate(year));
        Assert.Equal(new LunarDate(year, 1, 1, false), VietnameseLunarCalendar.FromGregorian(expected));
        Assert.Equal(new LunarDate(year - 1, 12, VietnameseLunarCalendar.DaysInMonth(year - 1, 12), false),
            VietnameseLunarCalendar.FromGregorian(expected.AddDays(-1)));
    }

    [Theory]
    [InlineData(2007, 2, 17, 2, 18)]
    [InlineData(2030, 2, 2, 2, 3)]
    public void Tet_follows_the_Vietnamese_lunar_calendar_not_the_Chinese_one(
        int year, int vnMonth, int vnDay, int cnMonth, int cnDay)
    {
        var chinese = ChineseNewYear(year);
        Assert.Equal(new DateOnly(year, cnMonth, cnDay), chinese);
        Assert.Equal(new DateOnly(year, vnMonth, vnDay), VietnameseLunarCalendar.TetDate(year));
        Assert.NotEqual(chinese, VietnameseLunarCalendar.TetDate(year));
    }

    [Fact]
    public void Tet_agrees_with_the_Chinese_calendar_in_every_other_year_from_2000_to_2040()
    {
        var differing = Enumerable.Range(2000, 41)
            .Where(y => VietnameseLunarCalendar.TetDate(y) != ChineseNewYear(y))
            .ToArray();
        Assert.Equal(YearsWhereVietnamDiffersFromChina, differing);
    }

    [Fact]
    public void Computing_for_UTC_plus_8_reproduces_the_Chinese_New_Year_so_only_the_time_zone_differs()
    {
        for (var year = 1930; year <= 2100; year++)
        {
            var chinese = VietnameseLunarCalendar.ToJulianDay(year, 1, 1, false, 8.0);
            Assert.Equal(ChineseNewYear(year), VietnameseLunarCalendar.FromJulianDay(chinese!.Value));
        }
    }

    [Theory]
    [InlineData(2023, 4, 29)]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2022, 4, 10)]
    [InlineData(2009, 4, 4)]   // one day before the Chinese 3/10 (python-holidays VN exception)
    [InlineData(2037, 4, 24)]  // idem
    [InlineData(2038, 4, 13)]  // idem
    public void Hung_Kings_day_is_lunar_10_3(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(year, 3, 10));
        Assert.Equal(new LunarDate(year, 3, 10, false), VietnameseLunarCalendar.FromGregorian(date));
    }

    [Theory]
    [InlineData(2009)]
    [InlineData(2037)]
    [InlineData(2038)]
    public void Hung_Kings_day_follows_the_Vietnamese_lunar_calendar_not_the_Chinese_one(int year)
    {
        var chinese = ChineseDate(year, 3, 10);
        Assert.Equal(chinese.AddDays(-1), VietnameseLunarCalendar.ToGregorian(year, 3, 10));
    }

    [Fact]
    public void Every_day_from_2000_to_2040_round_trips_through_the_lunar_calendar()
    {
        var previous = VietnameseLunarCalendar.FromGregorian(new DateOnly(1999, 12, 31));
        for (var date = new DateOnly(2000, 1, 1); date <= new DateOnly(2040, 12, 31); date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromGregorian(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));

            // Consecutive days are consecutive lunar days, or day 1 of the next month after a 29th/30th.
            if (lunar.Day == 1)
                Assert.Contains(previous.Day, new[] { 29, 30 });
            else
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            previous = lunar;
        }
    }

    [Fact]
    public void Lunar_months_have_29_or_30_days_and_years_have_12_or_13_months()
    {
        for (var year = 1900; year < 2100; year++)
        {
            var length = VietnameseLunarCalendar.TetDate(year + 1).DayNumber - VietnameseLunarCalendar.TetDate(year).DayNumber;
            var leap = VietnameseLunarCalendar.LeapMonth(year);
            Assert.Contains(length, leap == 0 ? new[] { 353, 354, 355 } : new[] { 383, 384, 385 });
            for (var month = 1; month <= 12; month++)
                Assert.Contains(VietnameseLunarCalendar.DaysInMonth(year, month), new[] { 29, 30 });
        }
    }

    [Theory]
    [InlineData(2001, 4)]
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2024, 0)]
    public void Leap_month_is_the_first_month_without_a_major_solar_term(int lunarYear, int leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));
        if (leapMonth == 0) return;
        var leapStart = VietnameseLunarCalendar.ToGregorian(lunarYear, leapMonth, 1, isLeapMonth: true);
        var regularStart = VietnameseLunarCalendar.ToGregorian(lunarYear, leapMonth, 1);
        Assert.True(leapStart > regularStart);
        Assert.Equal(new LunarDate(lunarYear, leapMonth, 1, true), VietnameseLunarCalendar.FromGregorian(leapStart));
    }

    [Fact]
    public void A_leap_month_that_does_not_exist_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(2024, 3, 1, isLeapMonth: true));
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected()
    {
        var (year, month) = Enumerable.Range(1, 12).Select(m => (2025, m))
            .First(x => VietnameseLunarCalendar.DaysInMonth(x.Item1, x.Item2) == 29);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(year, month, 30));
    }

    [Fact]
    public void Years_outside_1900_to_2100_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.TetDate(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.TetDate(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromGregorian(new DateOnly(2101, 1, 1)));
    }

    [Fact]
    public void The_whole_supported_range_round_trips_at_the_first_of_each_lunar_month()
    {
        for (var date = new DateOnly(1900, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(7))
        {
            var lunar = VietnameseLunarCalendar.FromGregorian(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));
        }
    }

    private static DateOnly ChineseNewYear(int year) => ChineseDate(year, 1, 1);

    /// <summary>A (non-leap) Chinese lunar date; .NET numbers the months after a leap month one higher.</summary>
    private static DateOnly ChineseDate(int year, int month, int day)
    {
        var chinese = new ChineseLunisolarCalendar();
        var leap = chinese.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(chinese.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
