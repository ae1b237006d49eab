using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Time;

namespace NhiemVu.Domain.Tests.Time;

/// <summary>Recurring tasks' schedule, "N working days from issue" and stale progress (issue 4, domain.md "Time rules").</summary>
public class TimeRuleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly IWorkingCalendar Calendar = new WorkingCalendar();

    [Theory]
    [InlineData(Recurrence.Monthly, 20, 2026, 11, 20, 2026, 12, 20)]
    [InlineData(Recurrence.Monthly, 20, 2026, 12, 20, 2027, 1, 20)]   // across the year
    [InlineData(Recurrence.Quarterly, 15, 2026, 12, 15, 2027, 3, 15)]
    [InlineData(Recurrence.Yearly, 10, 2026, 1, 10, 2027, 1, 10)]
    public void Each_period_is_scheduled_on_the_recurrence_day_one_period_later(Recurrence r, int day, int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(D(ey, em, ed), RecurrenceSchedule.Next(r, day, D(y, m, d)));
    }

    [Fact]
    public void A_recurrence_day_past_the_end_of_a_short_month_falls_on_its_last_day_and_comes_back_after()
    {
        Assert.Equal(D(2027, 2, 28), RecurrenceSchedule.Next(Recurrence.Monthly, 31, D(2027, 1, 31)));
        Assert.Equal(D(2028, 2, 29), RecurrenceSchedule.Next(Recurrence.Monthly, 31, D(2028, 1, 31)));   // leap year
        Assert.Equal(D(2027, 3, 31), RecurrenceSchedule.Next(Recurrence.Monthly, 31, D(2027, 2, 28)));   // the day, not the previous date
        Assert.Equal(D(2027, 4, 30), RecurrenceSchedule.Next(Recurrence.Monthly, 31, D(2027, 3, 31)));
        Assert.Equal(D(2027, 2, 28), RecurrenceSchedule.Next(Recurrence.Yearly, 29, D(2026, 2, 28)));
        Assert.Equal(D(2028, 2, 29), RecurrenceSchedule.Next(Recurrence.Yearly, 29, D(2027, 2, 28)));
        Assert.Equal(D(2027, 6, 30), RecurrenceSchedule.Next(Recurrence.Quarterly, 31, D(2027, 3, 31)));
    }

    [Fact]
    public void A_period_deadline_on_a_day_off_moves_to_the_next_working_day()
    {
        Assert.Equal(D(2026, 11, 20), RecurrenceSchedule.Deadline(D(2026, 11, 20), Calendar));   // Friday: unchanged
        Assert.Equal(D(2026, 12, 21), RecurrenceSchedule.Deadline(D(2026, 12, 20), Calendar));   // Sunday → Monday
        Assert.Equal(D(2026, 6, 22), RecurrenceSchedule.Deadline(D(2026, 6, 20), Calendar));     // Saturday → Monday
        // 1/1/2027 is New Year's Day (a Friday): the next working day is Monday 4/1.
        Assert.Equal(D(2027, 1, 4), RecurrenceSchedule.Deadline(D(2027, 1, 1), Calendar));
        // 20/2/2026 is in the Tết 2026 holiday (lunar new year on 17/2): after it.
        var tet = RecurrenceSchedule.Deadline(D(2026, 2, 20), Calendar);
        Assert.False(Calendar.IsWorkingDay(D(2026, 2, 20)));
        Assert.True(tet > D(2026, 2, 20));
        Assert.True(Calendar.IsWorkingDay(tet));
        for (var d = D(2026, 2, 20); d < tet; d = d.AddDays(1)) Assert.False(Calendar.IsWorkingDay(d));
    }

    [Fact]
    public void The_next_period_opens_the_day_after_the_previous_periods_scheduled_date()
    {
        Assert.Empty(RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2026, 11, 20), null));
        Assert.Equal([D(2026, 12, 20)], RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2026, 11, 21), null));
        Assert.Equal([D(2026, 12, 20)], RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2026, 12, 20), null));
    }

    [Fact]
    public void After_a_stop_every_missed_period_is_due_in_order()
    {
        Assert.Equal([D(2026, 12, 20), D(2027, 1, 20), D(2027, 2, 20)],
            RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2027, 1, 25), null));
        Assert.Equal([D(2027, 3, 15), D(2027, 6, 15)],
            RecurrenceSchedule.DuePeriods(Recurrence.Quarterly, 15, D(2026, 12, 15), D(2027, 3, 16), null));
    }

    [Fact]
    public void A_recurrence_stops_at_its_end_date()
    {
        Assert.Equal([D(2026, 12, 20)], RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2027, 6, 1), D(2027, 1, 19)));
        Assert.Equal([D(2026, 12, 20), D(2027, 1, 20)],
            RecurrenceSchedule.DuePeriods(Recurrence.Monthly, 20, D(2026, 11, 20), D(2027, 6, 1), D(2027, 1, 20)));
    }

    [Theory]
    [InlineData(Recurrence.Monthly, 2026, 12, 20, "tháng 12/2026")]
    [InlineData(Recurrence.Quarterly, 2026, 12, 15, "quý 4/2026")]
    [InlineData(Recurrence.Quarterly, 2027, 1, 15, "quý 1/2027")]
    [InlineData(Recurrence.Yearly, 2027, 1, 10, "năm 2027")]
    public void A_period_is_named_after_the_month_quarter_or_year_of_its_scheduled_date(Recurrence r, int y, int m, int d, string label)
    {
        Assert.Equal(label, RecurrenceSchedule.Label(r, D(y, m, d)));
    }

    [Fact]
    public void The_first_assignment_of_a_recurring_task_carries_its_period_and_the_end_date_is_checked()
    {
        var doc = DirectiveDocument.Create(new DirectiveDocumentData(SourceKind.Document, DirectiveKind.CongVan, "1/UBND", "Báo cáo định kỳ",
            D(2026, 11, 2), Guid.NewGuid(), "Chủ tịch", Guid.NewGuid()), new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), Guid.NewGuid());
        var now = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);
        var actor = new Actor(Guid.NewGuid(), Guid.NewGuid());
        var created = DirectiveTask.Create(doc, new NewTaskData("Báo cáo tháng", [Guid.NewGuid()], D(2026, 11, 20),
            Recurrence: Recurrence.Monthly, RecurrenceDay: 20, RecurrenceUntil: D(2027, 6, 30)), now, actor);
        Assert.Equal(D(2026, 11, 20), Assert.Single(created.Assignments).Period);
        Assert.Equal([D(2026, 12, 20)], created.Task.DuePeriods(D(2026, 11, 20), D(2026, 12, 1)));

        var once = DirectiveTask.Create(doc, new NewTaskData("Một lần", [Guid.NewGuid()], D(2026, 11, 20)), now, actor);
        Assert.Null(once.Assignments[0].Period);
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData("X", [Guid.NewGuid()], D(2026, 11, 20),
            Recurrence: Recurrence.Monthly, RecurrenceDay: 20, RecurrenceUntil: D(2026, 11, 19)), now, actor));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData("X", [Guid.NewGuid()], D(2026, 11, 20),
            RecurrenceUntil: D(2027, 1, 1)), now, actor));
    }

    [Theory]
    [InlineData(2026, 11, 20, 1, 2026, 11, 23)]    // issued Friday: the issue day does not count → Monday
    [InlineData(2026, 11, 23, 1, 2026, 11, 24)]    // issued Monday → Tuesday
    [InlineData(2026, 11, 20, 10, 2026, 12, 4)]    // two working weeks
    [InlineData(2026, 11, 21, 1, 2026, 11, 23)]    // issued on a Saturday
    [InlineData(2026, 12, 30, 2, 2027, 1, 4)]      // across New Year's Day (Friday 1/1/2027)
    public void N_working_days_from_issue_do_not_count_the_issue_day_nor_days_off(int y, int m, int d, int n, int ey, int em, int ed)
    {
        Assert.Equal(D(ey, em, ed), DeadlineFromIssue.Compute(D(y, m, d), n, Calendar));
    }

    [Fact]
    public void N_working_days_must_be_between_1_and_365_and_never_for_a_recurring_task()
    {
        Assert.Throws<DomainValidationException>(() => DeadlineFromIssue.Compute(D(2026, 11, 20), 0, Calendar));
        Assert.Throws<DomainValidationException>(() => DeadlineFromIssue.Compute(D(2026, 11, 20), 366, Calendar));
        var doc = DirectiveDocument.Create(new DirectiveDocumentData(SourceKind.Document, DirectiveKind.CongVan, "1/UBND", "X",
            D(2026, 11, 2), Guid.NewGuid(), "Chủ tịch", Guid.NewGuid()), new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), Guid.NewGuid());
        var now = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);
        var actor = new Actor(Guid.NewGuid(), Guid.NewGuid());
        var task = DirectiveTask.Create(doc, new NewTaskData("X", [Guid.NewGuid()], D(2026, 11, 16), DeadlineWorkingDays: 10), now, actor).Task;
        Assert.Equal(10, task.DeadlineWorkingDays);
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData("X", [Guid.NewGuid()], D(2026, 11, 20),
            Recurrence: Recurrence.Monthly, RecurrenceDay: 20, DeadlineWorkingDays: 10), now, actor));
    }

    [Fact]
    public void Progress_is_stale_after_N_days_without_a_note_only_while_the_unit_is_working()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var assigned = now.AddDays(-30);
        // The newest note decides; without one, the receipt; without that, the assignment.
        Assert.True(StaleProgress.IsStale(AssignmentState.InProgress, now.AddDays(-7).AddMinutes(-1), assigned, assigned, now, 7));
        Assert.False(StaleProgress.IsStale(AssignmentState.InProgress, now.AddDays(-7).AddMinutes(1), assigned, assigned, now, 7));
        Assert.False(StaleProgress.IsStale(AssignmentState.Received, null, now.AddDays(-2), assigned, now, 7));
        Assert.True(StaleProgress.IsStale(AssignmentState.Assigned, null, null, assigned, now, 7));
        Assert.False(StaleProgress.IsStale(AssignmentState.Assigned, null, null, now.AddDays(-1), now, 7));
        // Not while the office holds it or once it is over.
        Assert.False(StaleProgress.IsStale(AssignmentState.AwaitingReview, null, null, assigned, now, 7));
        Assert.False(StaleProgress.IsStale(AssignmentState.Completed, null, null, assigned, now, 7));
        Assert.False(StaleProgress.IsStale(AssignmentState.Cancelled, null, null, assigned, now, 7));
        Assert.Equal(30, StaleProgress.DaysSince(null, null, assigned, now));
    }
}
