using NhiemVu.Domain.Calendar;

namespace NhiemVu.Domain.Tests.Calendar;

/// <summary>The default rules of the Labour Code 2019, art. 112 — not any year's government
/// decision, which administrators enter as overrides.</summary>
public class HolidayCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Dictionary<DateOnly, DayOff> DaysOff(int year, HolidayRules? rules = null) =>
        HolidayCalendar.DefaultDaysOff(year, rules).ToDictionary(d => d.Date);

    [Fact]
    public void The_statutory_holidays_are_the_eleven_days_of_article_112_with_Vietnamese_names()
    {
        // 2025: Tết 29 Jan (lunar 1/1), Hùng Kings 7 Apr (lunar 10/3).
        var holidays = HolidayCalendar.StatutoryHolidays(2025);
        Assert.Equal(
            new[]
            {
                (D(2025, 1, 1), "Tết Dương lịch"),
                (D(2025, 1, 28), "Tết Nguyên đán"), (D(2025, 1, 29), "Tết Nguyên đán"), (D(2025, 1, 30), "Tết Nguyên đán"),
                (D(2025, 1, 31), "Tết Nguyên đán"), (D(2025, 2, 1), "Tết Nguyên đán"),
                (D(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
                (D(2025, 4, 30), "Ngày Chiến thắng"),
                (D(2025, 5, 1), "Quốc tế Lao động"),
                (D(2025, 9, 1), "Quốc khánh"), (D(2025, 9, 2), "Quốc khánh"),
            },
            holidays.Select(h => (h.Date, h.Name)).ToArray());
        Assert.All(holidays, h => Assert.Equal(DayOffKind.Statutory, h.Kind));
    }

    [Theory]
    [InlineData(2025, 1, 28, 29)] // Tết Ất Tỵ: no "30 Tết", the year ends on 29 tháng Chạp
    [InlineData(2023, 1, 21, 30)] // Tết Quý Mão: the year ends on 30 tháng Chạp
    public void Tet_starts_on_the_last_day_of_the_lunar_year_whether_the_29th_or_the_30th(
        int year, int month, int day, int lunarDay)
    {
        var lastDay = D(year, month, day);
        Assert.Equal(new LunarDate(year - 1, 12, lunarDay, false), VietnameseLunarCalendar.FromGregorian(lastDay));
        var tet = HolidayCalendar.StatutoryHolidays(year).Where(h => h.Name == HolidayCalendar.TetName).Select(h => h.Date);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => lastDay.AddDays(i)), tet);
    }

    [Fact]
    public void Holiday_on_a_weekend_is_compensated_on_the_next_working_day()
    {
        // 2 September 2023 is a Saturday; 1 September (Friday) is the adjacent day.
        var days = DaysOff(2023);
        Assert.Equal(DayOfWeek.Saturday, D(2023, 9, 2).DayOfWeek);
        Assert.Equal(DayOffKind.Statutory, days[D(2023, 9, 1)].Kind);
        Assert.Equal(DayOffKind.Statutory, days[D(2023, 9, 2)].Kind);
        Assert.Equal(DayOffKind.Compensation, days[D(2023, 9, 4)].Kind);
        Assert.Equal("Nghỉ bù Quốc khánh", days[D(2023, 9, 4)].Name);
        Assert.False(days.ContainsKey(D(2023, 9, 5)));
    }

    [Fact]
    public void New_Year_on_a_Sunday_is_compensated_on_Monday()
    {
        var days = DaysOff(2023); // 1 January 2023 is a Sunday
        Assert.Equal(DayOffKind.Compensation, days[D(2023, 1, 2)].Kind);
        Assert.StartsWith(HolidayCalendar.CompensationPrefix, days[D(2023, 1, 2)].Name);
    }

    [Fact]
    public void Two_consecutive_weekend_holidays_get_two_compensation_days()
    {
        // 2022: 30/4 is a Saturday and 1/5 a Sunday → Monday 2/5 and Tuesday 3/5.
        var days = DaysOff(2022);
        Assert.Equal(DayOffKind.Compensation, days[D(2022, 5, 2)].Kind);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", days[D(2022, 5, 2)].Name);
        Assert.Equal(DayOffKind.Compensation, days[D(2022, 5, 3)].Kind);
        Assert.Equal("Nghỉ bù Quốc tế Lao động", days[D(2022, 5, 3)].Name);
        Assert.False(days.ContainsKey(D(2022, 5, 4)));
    }

    [Fact]
    public void Compensation_skips_days_that_are_already_holidays()
    {
        // 2023: Hùng Kings (lunar 10/3) is Saturday 29/4, 30/4 a Sunday, 1/5 a Monday.
        // The compensation days go after 1/5: Tuesday 2/5 and Wednesday 3/5.
        var days = DaysOff(2023);
        Assert.Equal(D(2023, 4, 29), VietnameseLunarCalendar.ToGregorian(2023, 3, 10));
        Assert.Equal(DayOffKind.Statutory, days[D(2023, 5, 1)].Kind);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", days[D(2023, 5, 2)].Name);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", days[D(2023, 5, 3)].Name);
        Assert.False(days.ContainsKey(D(2023, 5, 4)));
    }

    [Fact]
    public void Tet_spanning_a_weekend_is_followed_by_as_many_compensation_days_as_weekend_days_it_covered()
    {
        // Tết 2024: Friday 9/2 (last day of the year) .. Tuesday 13/2; Saturday and Sunday covered.
        var days = DaysOff(2024);
        Assert.Equal(D(2024, 2, 10), VietnameseLunarCalendar.TetDate(2024));
        foreach (var d in Enumerable.Range(9, 5).Select(i => D(2024, 2, i)))
            Assert.Equal(HolidayCalendar.TetName, days[d].Name);
        Assert.Equal("Nghỉ bù Tết Nguyên đán", days[D(2024, 2, 14)].Name);
        Assert.Equal("Nghỉ bù Tết Nguyên đán", days[D(2024, 2, 15)].Name);
        Assert.False(days.ContainsKey(D(2024, 2, 16)));

        // Tết 2023: Saturday 21/1 .. Wednesday 25/1 → Thursday 26/1 and Friday 27/1.
        var days2023 = DaysOff(2023);
        Assert.Equal(DayOffKind.Compensation, days2023[D(2023, 1, 26)].Kind);
        Assert.Equal(DayOffKind.Compensation, days2023[D(2023, 1, 27)].Kind);
        Assert.False(days2023.ContainsKey(D(2023, 1, 30)));
    }

    [Fact]
    public void Adjacent_National_Day_holiday_on_a_weekend_is_also_compensated()
    {
        // 2024: 1/9 (the default adjacent day) is a Sunday, 2/9 a Monday → Tuesday 3/9.
        var days = DaysOff(2024);
        Assert.Equal("Nghỉ bù Quốc khánh", days[D(2024, 9, 3)].Name);
    }

    [Fact]
    public void National_Day_adjacent_day_is_a_setting()
    {
        var after = new HolidayRules { NationalDayAdjacentDay = NationalDayAdjacentDay.DayAfter };
        var days = DaysOff(2025, after);
        Assert.False(days.ContainsKey(D(2025, 9, 1)));
        Assert.Equal("Quốc khánh", days[D(2025, 9, 2)].Name);
        Assert.Equal("Quốc khánh", days[D(2025, 9, 3)].Name);

        // 2023 with the day after: Saturday 2/9 and Sunday 3/9 → Monday 4/9 and Tuesday 5/9.
        var days2023 = DaysOff(2023, after);
        Assert.Equal(DayOffKind.Compensation, days2023[D(2023, 9, 4)].Kind);
        Assert.Equal(DayOffKind.Compensation, days2023[D(2023, 9, 5)].Kind);
    }

    [Fact]
    public void Every_weekend_statutory_holiday_has_exactly_one_compensation_day_on_a_weekday()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var all = HolidayCalendar.DefaultDaysOff(year);
            var statutory = all.Where(d => d.Kind == DayOffKind.Statutory).ToList();
            var compensation = all.Where(d => d.Kind == DayOffKind.Compensation).ToList();
            Assert.Equal(statutory.Count(d => HolidayCalendar.IsWeekend(d.Date)), compensation.Count);
            Assert.All(compensation, c => Assert.False(HolidayCalendar.IsWeekend(c.Date)));
            Assert.Equal(all.Count, all.Select(d => d.Date).Distinct().Count());
            Assert.All(all, d => Assert.Equal(year, d.Date.Year));
        }
    }

    [Fact]
    public void Holidays_falling_on_the_same_day_are_one_day_off_with_both_names()
    {
        // Lunar 10/3 fell on 30 April in 1947 (and can again): one day, both names.
        var year = Enumerable.Range(1900, 201).First(y => VietnameseLunarCalendar.ToGregorian(y, 3, 10) == D(y, 4, 30));
        var day = HolidayCalendar.StatutoryHolidays(year).Single(h => h.Date == D(year, 4, 30));
        Assert.Equal("Giỗ Tổ Hùng Vương; Ngày Chiến thắng", day.Name);
        Assert.Equal(10, HolidayCalendar.StatutoryHolidays(year).Count);
    }
}
