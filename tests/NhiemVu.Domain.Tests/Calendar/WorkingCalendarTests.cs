using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly IWorkingCalendar Calendar = new WorkingCalendar();

    [Theory]
    [InlineData(2025, 3, 10, true)]   // Monday
    [InlineData(2025, 3, 14, true)]   // Friday
    [InlineData(2025, 3, 15, false)]  // Saturday
    [InlineData(2025, 3, 16, false)]  // Sunday
    [InlineData(2025, 1, 29, false)]  // Tết
    [InlineData(2024, 2, 14, false)]  // nghỉ bù Tết
    [InlineData(2025, 4, 7, false)]   // Giỗ Tổ Hùng Vương
    [InlineData(2025, 9, 1, false)]   // Quốc khánh, adjacent day
    [InlineData(2025, 9, 3, true)]
    public void Working_days_are_Monday_to_Friday_minus_days_off(int y, int m, int d, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(D(y, m, d)));
    }

    [Fact]
    public void Adding_zero_working_days_returns_the_start_even_on_a_day_off()
    {
        Assert.Equal(D(2025, 3, 15), Calendar.AddWorkingDays(D(2025, 3, 15), 0));
        Assert.Equal(D(2025, 1, 29), Calendar.AddWorkingDays(D(2025, 1, 29), 0));
    }

    [Theory]
    [InlineData(2025, 3, 7, 1, 2025, 3, 10)]    // Friday + 1 → Monday
    [InlineData(2025, 3, 8, 1, 2025, 3, 10)]    // Saturday + 1 → Monday
    [InlineData(2025, 3, 10, 5, 2025, 3, 17)]   // a week
    [InlineData(2024, 2, 8, 1, 2024, 2, 16)]    // across Tết 2024 and its two nghỉ bù days
    [InlineData(2024, 2, 8, 2, 2024, 2, 19)]
    [InlineData(2024, 12, 31, 1, 2025, 1, 2)]   // across the new year and 1/1
    [InlineData(2025, 3, 10, -1, 2025, 3, 7)]   // Monday − 1 → Friday
    [InlineData(2025, 3, 8, -1, 2025, 3, 7)]    // Saturday − 1 → Friday (start not counted)
    [InlineData(2024, 2, 16, -1, 2024, 2, 8)]   // back across Tết
    [InlineData(2025, 1, 2, -1, 2024, 12, 31)]  // back across the new year
    public void Adding_working_days_skips_weekends_and_days_off(int y, int m, int d, int days, int ey, int em, int ed)
    {
        Assert.Equal(D(ey, em, ed), Calendar.AddWorkingDays(D(y, m, d), days));
    }

    [Theory]
    [InlineData(2024, 2, 8, 2024, 2, 16, 1)]    // (Thu 8/2, Fri 16/2]: Tết in between
    [InlineData(2024, 2, 16, 2024, 2, 8, -1)]   // reversed range is negative
    [InlineData(2025, 3, 10, 2025, 3, 10, 0)]
    [InlineData(2025, 3, 7, 2025, 3, 10, 1)]    // from excluded, to included
    [InlineData(2025, 3, 8, 2025, 3, 9, 0)]     // a weekend
    [InlineData(2025, 3, 9, 2025, 3, 16, 5)]
    public void Counting_working_days_uses_the_half_open_range(int y, int m, int d, int ty, int tm, int td, int expected)
    {
        Assert.Equal(expected, Calendar.CountWorkingDays(D(y, m, d), D(ty, tm, td)));
    }

    [Fact]
    public void A_year_has_its_weekdays_minus_statutory_and_compensation_days_on_weekdays()
    {
        // 2024: 262 weekdays; weekday days off: 1/1, 9/2, 12/2, 13/2, 14/2 and 15/2 (nghỉ bù),
        // 18/4, 30/4, 1/5, 2/9, 3/9 (nghỉ bù for Sunday 1/9) = 11.
        Assert.Equal(262 - 11, Calendar.CountWorkingDays(D(2023, 12, 31), D(2024, 12, 31)));
    }

    [Fact]
    public void Adding_then_counting_working_days_gives_back_the_count()
    {
        for (var d = D(2022, 11, 1); d <= D(2026, 3, 1); d = d.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 3, 5, 7, 10, 22, 45, 100, 261, 600 })
            {
                var end = Calendar.AddWorkingDays(d, n);
                Assert.True(Calendar.IsWorkingDay(end));
                Assert.Equal(n, Calendar.CountWorkingDays(d, end));

                // Backwards, from a working day, the count is symmetric.
                if (Calendar.IsWorkingDay(d))
                {
                    var back = Calendar.AddWorkingDays(d, -n);
                    Assert.True(Calendar.IsWorkingDay(back));
                    Assert.Equal(-n, Calendar.CountWorkingDays(d, back));
                }
            }
        }
    }

    [Fact]
    public void Going_back_from_a_day_off_counts_working_days_strictly_before_it()
    {
        // From Saturday 15/3/2025, −1 is Friday 14/3; (14/3, 15/3] holds no working day, so the
        // add/count identity holds backwards only from working days.
        var back = Calendar.AddWorkingDays(D(2025, 3, 15), -1);
        Assert.Equal(D(2025, 3, 14), back);
        Assert.Equal(0, Calendar.CountWorkingDays(D(2025, 3, 15), back));
        Assert.Equal(D(2025, 3, 17), Calendar.AddWorkingDays(back, 1));
    }

    [Fact]
    public void Add_and_count_agree_with_a_day_by_day_walk()
    {
        var random = new Random(20250101);
        for (var i = 0; i < 2000; i++)
        {
            var from = D(2020, 1, 1).AddDays(random.Next(0, 3650));
            var to = from.AddDays(random.Next(-800, 800));
            Assert.Equal(NaiveCount(from, to), Calendar.CountWorkingDays(from, to));

            var n = random.Next(-400, 400);
            Assert.Equal(NaiveAdd(from, n), Calendar.AddWorkingDays(from, n));
        }
    }

    [Fact]
    public void Counting_over_many_years_is_consistent_with_year_by_year_counts()
    {
        var total = 0;
        for (var y = 2000; y < 2040; y++) total += Calendar.CountWorkingDays(D(y, 1, 1), D(y + 1, 1, 1));
        Assert.Equal(total, Calendar.CountWorkingDays(D(2000, 1, 1), D(2040, 1, 1)));
        Assert.Equal(-total, Calendar.CountWorkingDays(D(2040, 1, 1), D(2000, 1, 1)));
        // 1/1/2040 is a Sunday, compensated on Monday 2/1: the next working day is Tuesday 3/1.
        Assert.Equal(D(2040, 1, 3), Calendar.AddWorkingDays(D(2000, 1, 1), total + 1));
    }

    [Fact]
    public void Years_outside_the_supported_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(D(2101, 1, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D(2100, 12, 30), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(D(1899, 12, 29)));
    }

    [Fact]
    public void Holidays_lists_the_effective_days_off_with_names_in_date_order()
    {
        var holidays = new WorkingCalendar().Holidays(2024);
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        Assert.Contains(holidays, h => h.Date == D(2024, 1, 1) && h.Name == "Tết Dương lịch");
        Assert.Contains(holidays, h => h.Date == D(2024, 2, 10) && h.Name == "Tết Nguyên đán"); // on a Saturday: still listed
        Assert.Contains(holidays, h => h.Date == D(2024, 2, 15) && h.Kind == DayOffKind.Compensation);
        Assert.Contains(holidays, h => h.Date == D(2024, 4, 18) && h.Name == "Giỗ Tổ Hùng Vương");
        Assert.Contains(holidays, h => h.Date == D(2024, 9, 2) && h.Name == "Quốc khánh");
        Assert.Equal(11 + 3, holidays.Count); // 11 statutory days, 3 of them on a weekend
    }

    // ---- overrides ----

    [Fact]
    public void Make_up_working_day_counts_as_working_day()
    {
        // 2025: the government moved Friday 2/5 off and made Saturday 26/4 a working day.
        var calendar = new WorkingCalendar([
            CalendarOverride.WorkingDay(D(2025, 4, 26), "Làm bù cho ngày 2/5"),
            CalendarOverride.DayOff(D(2025, 5, 2), "Nghỉ hoán đổi"),
        ]);
        Assert.True(calendar.IsWorkingDay(D(2025, 4, 26)));
        Assert.Equal(D(2025, 4, 26), calendar.AddWorkingDays(D(2025, 4, 25), 1));
        Assert.Equal(1, calendar.CountWorkingDays(D(2025, 4, 25), D(2025, 4, 27)));
        Assert.Equal([D(2025, 4, 26)], calendar.MakeUpWorkingDays(2025).Select(o => o.Date));
        Assert.Equal("Làm bù cho ngày 2/5", calendar.MakeUpWorkingDays(2025)[0].Name);
    }

    [Fact]
    public void Added_day_off_is_not_a_working_day_and_is_listed_with_its_name()
    {
        var calendar = new WorkingCalendar([CalendarOverride.DayOff(D(2025, 5, 2), "Nghỉ hoán đổi")]);
        Assert.True(Calendar.IsWorkingDay(D(2025, 5, 2)));
        Assert.False(calendar.IsWorkingDay(D(2025, 5, 2)));
        Assert.Equal(D(2025, 5, 5), calendar.AddWorkingDays(D(2025, 4, 29), 1)); // 30/4, 1/5, 2/5, weekend
        var listed = Assert.Single(calendar.Holidays(2025), h => h.Date == D(2025, 5, 2));
        Assert.Equal(new DayOff(D(2025, 5, 2), "Nghỉ hoán đổi", DayOffKind.Announced), listed);
    }

    [Fact]
    public void Removed_default_holiday_becomes_an_ordinary_day()
    {
        // The government chose 3/9 instead of the default 1/9 as the second National Day holiday.
        var calendar = new WorkingCalendar([
            CalendarOverride.RemoveDayOff(D(2025, 9, 1)),
            CalendarOverride.DayOff(D(2025, 9, 3), "Quốc khánh"),
        ]);
        Assert.True(calendar.IsWorkingDay(D(2025, 9, 1)));
        Assert.False(calendar.IsWorkingDay(D(2025, 9, 3)));
        Assert.DoesNotContain(calendar.Holidays(2025), h => h.Date == D(2025, 9, 1));

        // Removing a default holiday that is on a weekend leaves it a weekend day.
        var weekend = new WorkingCalendar([CalendarOverride.RemoveDayOff(D(2024, 2, 10))]);
        Assert.False(weekend.IsWorkingDay(D(2024, 2, 10)));
        Assert.DoesNotContain(weekend.Holidays(2024), h => h.Date == D(2024, 2, 10));
    }

    [Fact]
    public void Working_day_override_on_a_default_holiday_makes_it_a_working_day()
    {
        var calendar = new WorkingCalendar([CalendarOverride.WorkingDay(D(2024, 2, 15), "Đi làm")]);
        Assert.True(calendar.IsWorkingDay(D(2024, 2, 15)));
        Assert.DoesNotContain(calendar.Holidays(2024), h => h.Date == D(2024, 2, 15));
        Assert.Empty(calendar.MakeUpWorkingDays(2024)); // a weekday: not a "làm bù" Saturday
    }

    [Fact]
    public void Overrides_replace_the_computed_days_and_do_not_rerun_compensation()
    {
        // Removing Saturday 2/9/2023 does not remove its nghỉ bù on Monday 4/9: the administrator
        // states the final days off, and removes 4/9 too if the announcement says so.
        var calendar = new WorkingCalendar([CalendarOverride.RemoveDayOff(D(2023, 9, 2))]);
        Assert.False(calendar.IsWorkingDay(D(2023, 9, 4)));
    }

    [Fact]
    public void Invalid_overrides_are_rejected_when_the_calendar_is_built()
    {
        Assert.Throws<DomainValidationException>(() => new WorkingCalendar([CalendarOverride.DayOff(D(2025, 6, 2), " ")]));
        Assert.Throws<DomainValidationException>(() => new WorkingCalendar([new CalendarOverride(D(2025, 6, 2), (CalendarOverrideKind)42, "x")]));
        Assert.Throws<DomainValidationException>(() => new WorkingCalendar([CalendarOverride.DayOff(D(2101, 1, 2), "Nghỉ")]));
    }

    [Fact]
    public void The_last_override_of_a_date_wins()
    {
        var calendar = new WorkingCalendar([
            CalendarOverride.DayOff(D(2025, 6, 2), "Nghỉ"),
            CalendarOverride.WorkingDay(D(2025, 6, 2), "Đi làm"),
            CalendarOverride.WorkingDay(D(2025, 6, 7), "Làm bù"),
            CalendarOverride.DayOff(D(2025, 6, 7), "Nghỉ"),
        ]);
        Assert.True(calendar.IsWorkingDay(D(2025, 6, 2)));
        Assert.False(calendar.IsWorkingDay(D(2025, 6, 7)));
        Assert.Empty(calendar.MakeUpWorkingDays(2025));
    }

    [Fact]
    public void Overrides_only_affect_their_own_dates()
    {
        var calendar = new WorkingCalendar([
            CalendarOverride.WorkingDay(D(2025, 4, 26), "Làm bù"),
            CalendarOverride.DayOff(D(2025, 5, 2), "Nghỉ hoán đổi"),
        ]);
        for (var d = D(2024, 1, 1); d <= D(2026, 12, 31); d = d.AddDays(1))
        {
            if (d == D(2025, 4, 26) || d == D(2025, 5, 2)) continue;
            Assert.Equal(Calendar.IsWorkingDay(d), calendar.IsWorkingDay(d));
        }
    }

    [Fact]
    public void Answering_after_the_first_use_of_a_year_does_not_allocate()
    {
        var calendar = new WorkingCalendar();
        var from = D(2024, 1, 1);
        calendar.CountWorkingDays(from, D(2027, 1, 1)); // builds 2024–2027
        calendar.AddWorkingDays(D(2027, 1, 1), -700);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var d = from.AddDays(i % 1000);
            if (calendar.IsWorkingDay(d)) sink++;
            sink += calendar.CountWorkingDays(from, d);
            sink += calendar.AddWorkingDays(d, 20).Day;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Calendar_can_be_used_from_many_threads()
    {
        var calendar = new WorkingCalendar();
        var results = new int[8];
        Parallel.For(0, 8, i => results[i] = calendar.CountWorkingDays(D(1990, 1, 1), D(2060, 1, 1)));
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    private static int NaiveCount(DateOnly from, DateOnly to)
    {
        if (to < from) return -NaiveCount(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (Calendar.IsWorkingDay(d)) count++;
        return count;
    }

    private static DateOnly NaiveAdd(DateOnly start, int n)
    {
        var step = Math.Sign(n);
        var d = start;
        for (var left = Math.Abs(n); left > 0;)
        {
            d = d.AddDays(step);
            if (Calendar.IsWorkingDay(d)) left--;
        }
        return d;
    }
}
