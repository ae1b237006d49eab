using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Timeliness;

namespace NhiemVu.Domain.Tests.Timeliness;

/// <summary>domain.md "Time rules": entry timeliness (seed 002 art. 6.3b, 7.5; seed 004) and review
/// timeliness (seed 002 art. 6.4), against the default Vietnamese working calendar.</summary>
public class EntryTimelinessTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.Default;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static ReceivedMoment At(int y, int m, int d, int h, int min = 0) => new(D(y, m, d), new TimeOnly(h, min));
    /// <summary>A province local time as UTC (UTC+7).</summary>
    private static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Document_issued_before_15h_must_be_entered_the_same_day()
    {
        // Wednesday 18/11/2026, 09:30.
        var deadline = EntryTimeliness.EntryDeadline(At(2026, 11, 18, 9, 30), EntryRule.SameDay(), Urgency.Thuong, Cal);
        Assert.Equal(D(2026, 11, 18), deadline);
        Assert.False(EntryTimeliness.Classify(At(2026, 11, 18, 9, 30), Local(2026, 11, 19, 8, 0), EntryRule.SameDay(), Urgency.Thuong, Cal).InTime);
        Assert.True(EntryTimeliness.Classify(At(2026, 11, 18, 9, 30), Local(2026, 11, 18, 16, 45), EntryRule.SameDay(), Urgency.Thuong, Cal).InTime);
    }

    [Fact]
    public void Document_issued_after_15h_may_be_entered_next_working_day()
    {
        // Wednesday 18/11/2026 15:20 → Thursday.
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.EntryDeadline(At(2026, 11, 18, 15, 20), EntryRule.SameDay(), Urgency.Thuong, Cal));
        var o = EntryTimeliness.Classify(At(2026, 11, 18, 15, 20), Local(2026, 11, 19, 16, 59), EntryRule.SameDay(), Urgency.Thuong, Cal);
        Assert.True(o.InTime);
        Assert.Equal(0, o.LateWorkingDays);
    }

    [Fact]
    public void Document_issued_on_Friday_after_15h_may_be_entered_on_Monday()
    {
        // Friday 20/11/2026 16:10 → Monday 23/11/2026; Tuesday is one working day late.
        var moment = At(2026, 11, 20, 16, 10);
        Assert.Equal(D(2026, 11, 23), EntryTimeliness.EntryDeadline(moment, EntryRule.SameDay(), Urgency.Thuong, Cal));
        Assert.True(EntryTimeliness.Classify(moment, Local(2026, 11, 23, 10, 0), EntryRule.SameDay(), Urgency.Thuong, Cal).InTime);
        var late = EntryTimeliness.Classify(moment, Local(2026, 11, 24, 10, 0), EntryRule.SameDay(), Urgency.Thuong, Cal);
        Assert.False(late.InTime);
        Assert.Equal(1, late.LateWorkingDays);
    }

    [Fact]
    public void Document_issued_after_15h_before_a_holiday_may_be_entered_on_the_first_working_day_after_it()
    {
        // Wednesday 29/4/2026 after 15:00; 30/4 and 1/5 are holidays, then the weekend → Monday 4/5/2026.
        Assert.Equal(D(2026, 5, 4), EntryTimeliness.EntryDeadline(At(2026, 4, 29, 15, 30), EntryRule.SameDay(), Urgency.Thuong, Cal));
    }

    [Fact]
    public void Document_issued_on_a_day_off_is_due_the_next_working_day()
    {
        // Saturday 21/11/2026 morning → Monday.
        Assert.Equal(D(2026, 11, 23), EntryTimeliness.EntryDeadline(At(2026, 11, 21, 8, 0), EntryRule.SameDay(), Urgency.Thuong, Cal));
    }

    [Fact]
    public void Document_whose_issue_hour_is_unknown_may_be_entered_next_working_day()
    {
        // Only ngày ban hành is recorded: it may have been issued after 15:00, so nobody is late on a guess.
        var moment = ReceivedMoment.OnDate(D(2026, 11, 18));
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.EntryDeadline(moment, EntryRule.SameDay(), Urgency.Thuong, Cal));
        var twoDaysLater = EntryTimeliness.Classify(moment, Local(2026, 11, 20, 9, 0), EntryRule.SameDay(), Urgency.Thuong, Cal);
        Assert.False(twoDaysLater.InTime);
        Assert.Equal(1, twoDaysLater.LateWorkingDays);
    }

    [Fact]
    public void Tuyen_Quang_rule_allows_three_working_days_from_issue()
    {
        // Thursday 19/11/2026 → Fri, Mon, Tue = 24/11/2026; Wednesday 25/11 is one working day late.
        var rule = EntryRule.Within(3);
        var moment = ReceivedMoment.OnDate(D(2026, 11, 19));
        Assert.Equal(D(2026, 11, 24), EntryTimeliness.EntryDeadline(moment, rule, Urgency.Thuong, Cal));
        Assert.True(EntryTimeliness.Classify(moment, Local(2026, 11, 24, 17, 30), rule, Urgency.Thuong, Cal).InTime);
        var late = EntryTimeliness.Classify(moment, Local(2026, 11, 27, 9, 0), rule, Urgency.Thuong, Cal);
        Assert.False(late.InTime);
        Assert.Equal(3, late.LateWorkingDays);
    }

    [Fact]
    public void N_working_days_skip_holidays()
    {
        // Tuesday 28/4/2026 + 3 working days: Wed 29/4, (30/4, 1/5 holidays, weekend), Mon 4/5, Tue 5/5.
        Assert.Equal(D(2026, 5, 5), EntryTimeliness.EntryDeadline(ReceivedMoment.OnDate(D(2026, 4, 28)), EntryRule.Within(3), Urgency.Thuong, Cal));
    }

    [Fact]
    public void By_urgency_hoa_toc_is_due_the_same_day_and_ordinary_within_one_working_day()
    {
        var rule = EntryRule.PerUrgency();
        var morning = At(2026, 11, 18, 10, 0);
        Assert.Equal(D(2026, 11, 18), EntryTimeliness.EntryDeadline(morning, rule, Urgency.HoaToc, Cal));
        Assert.Equal(D(2026, 11, 18), EntryTimeliness.EntryDeadline(morning, rule, Urgency.ThuongKhan, Cal));
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.EntryDeadline(morning, rule, Urgency.Khan, Cal));
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.EntryDeadline(morning, rule, Urgency.Thuong, Cal));
        // Hỏa tốc received after the cut-off: the next working day.
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.EntryDeadline(At(2026, 11, 18, 15, 5), rule, Urgency.HoaToc, Cal));
    }

    [Fact]
    public void By_urgency_days_are_configurable()
    {
        var rule = EntryRule.PerUrgency(new Dictionary<Urgency, int> { [Urgency.Thuong] = 2, [Urgency.Khan] = 0 });
        Assert.Equal(D(2026, 11, 20), EntryTimeliness.EntryDeadline(ReceivedMoment.OnDate(D(2026, 11, 18)), rule, Urgency.Thuong, Cal));
        Assert.Equal(D(2026, 11, 18), EntryTimeliness.EntryDeadline(At(2026, 11, 18, 8, 0), rule, Urgency.Khan, Cal));
        // A level not given keeps its default (hỏa tốc: the same day).
        Assert.Equal(0, rule.DaysFor(Urgency.HoaToc));
    }

    [Fact]
    public void Report_received_after_15h_is_reviewed_by_the_next_working_day()
    {
        var cutoff = EntryRule.DefaultCutoff;
        Assert.Equal(D(2026, 11, 18), EntryTimeliness.ReviewDeadline(Local(2026, 11, 18, 14, 59), cutoff, Cal));
        Assert.Equal(D(2026, 11, 19), EntryTimeliness.ReviewDeadline(Local(2026, 11, 18, 15, 0), cutoff, Cal));
        Assert.Equal(D(2026, 11, 23), EntryTimeliness.ReviewDeadline(Local(2026, 11, 20, 16, 0), cutoff, Cal));
        Assert.Equal(D(2026, 11, 23), EntryTimeliness.ReviewDeadline(Local(2026, 11, 22, 9, 0), cutoff, Cal));
    }

    [Fact]
    public void Lateness_counts_working_days_after_the_deadline_and_is_at_least_one()
    {
        // Deadline Friday 20/11; done Saturday: late, one day (no working day in between yet).
        var o = EntryTimeliness.Judge(D(2026, 11, 20), D(2026, 11, 21), Cal);
        Assert.False(o.InTime);
        Assert.Equal(1, o.LateWorkingDays);
        Assert.Equal(2, EntryTimeliness.Judge(D(2026, 11, 20), D(2026, 11, 24), Cal).LateWorkingDays);
    }

    [Fact]
    public void Each_rule_is_described_for_the_record()
    {
        Assert.Equal("SameDayCutoff 15:00", EntryRule.SameDay().Describe(Urgency.Thuong));
        Assert.Equal("WorkingDays 3", EntryRule.Within(3).Describe(Urgency.HoaToc));
        Assert.Equal("ByUrgency HoaToc 0 15:00", EntryRule.PerUrgency().Describe(Urgency.HoaToc));
    }
}
