using NhiemVu.Domain.Assignments;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Assignments;

public class ClassificationTests
{
    private static readonly DateOnly Deadline = D(2025, 3, 20); // a Thursday
    private static readonly WeekdayCalendar Calendar = new();

    private static Assignment CompletedWithReportAt(DateTimeOffset submittedAt, DateOnly? deadline = null)
    {
        var a = NewAssignment(deadline ?? Deadline);
        a.SubmitReport(Report(), "k", submittedAt, FocalA);
        a.Review(true, null, submittedAt.AddDays(3), Office);
        return a;
    }

    private static AssignmentClass? ClassNow(Assignment a) => Classifier.Classify(a.Events, a.LastEventAtUtc.AddYears(1)).Class;

    [Fact]
    public void Report_submission_time_decides_early_on_time_or_late()
    {
        Assert.Equal(AssignmentClass.CompletedEarly, ClassNow(CompletedWithReportAt(Local(2025, 3, 19, 16))));
        Assert.Equal(AssignmentClass.CompletedOnTime, ClassNow(CompletedWithReportAt(Local(2025, 3, 20, 8))));
        Assert.Equal(AssignmentClass.CompletedLate, ClassNow(CompletedWithReportAt(Local(2025, 3, 21, 8))));
    }

    [Fact]
    public void Review_time_does_not_decide_timeliness()
    {
        var a = NewAssignment(Deadline);
        a.SubmitReport(Report(), "k", Local(2025, 3, 20, 14), FocalA);
        a.Review(true, null, Local(2025, 3, 27), Office); // a week late, by the office
        Assert.Equal(AssignmentClass.CompletedOnTime, ClassNow(a));
    }

    [Fact]
    public void Report_at_23_30_local_on_the_deadline_day_is_on_time()
    {
        var at = Local(2025, 3, 20, 23, 30); // 16:30 UTC on 20 March
        Assert.Equal(AssignmentClass.CompletedOnTime, ClassNow(CompletedWithReportAt(at)));
    }

    [Fact]
    public void Report_at_00_10_local_the_next_day_is_late_though_the_same_UTC_day()
    {
        var at = Local(2025, 3, 21, 0, 10); // 17:10 UTC on 20 March
        Assert.Equal(new DateOnly(2025, 3, 20), DateOnly.FromDateTime(at.UtcDateTime));
        Assert.Equal(AssignmentClass.CompletedLate, ClassNow(CompletedWithReportAt(at)));
    }

    [Fact]
    public void Report_at_06_59_local_the_day_before_is_early_though_UTC_says_two_days_before()
    {
        var at = Local(2025, 3, 19, 6, 59); // 23:59 UTC on 18 March
        Assert.Equal(AssignmentClass.CompletedEarly, ClassNow(CompletedWithReportAt(at)));
    }

    [Fact]
    public void Not_completed_is_overdue_only_after_the_deadline_day_in_local_time()
    {
        var a = NewAssignment(Deadline);
        a.PostProgress("Đang làm", 50, Local(2025, 3, 10), FocalA);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, Classifier.Classify(a.Events, Local(2025, 3, 20, 23, 59)).Class);
        Assert.Equal(AssignmentClass.InProgressOverdue, Classifier.Classify(a.Events, Local(2025, 3, 21, 0, 0)).Class);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, Classifier.Classify(a.Events, Local(2025, 3, 5)).Class);
    }

    [Fact]
    public void Unreceived_assignments_are_classed_like_any_unfinished_one()
    {
        var a = NewAssignment(Deadline);
        Assert.Equal(AssignmentClass.InProgressOverdue, Classifier.Classify(a.Events, Local(2025, 4, 1)).Class);
    }

    [Fact]
    public void Task_without_deadline_is_never_counted_for_timeliness()
    {
        var open = NewAssignment(null);
        var c = Classifier.Classify(open.Events, Local(2030, 1, 1));
        Assert.Equal(AssignmentClass.NoDeadline, c.Class);
        Assert.True(c.IsCounted);
        Assert.False(c.CountsForTimeliness);
        Assert.Null(c.National);

        var done = NewAssignment(null);
        done.SubmitReport(Report(), "k", Local(2025, 3, 10), FocalA);
        Assert.Equal(AssignmentClass.NoDeadline, Classifier.Classify(done.Events, Local(2025, 3, 10, 12)).Class);
        done.Review(true, null, Local(2025, 3, 11), Office);
        var c2 = Classifier.Classify(done.Events, Local(2030, 1, 1));
        Assert.Equal(AssignmentClass.NoDeadline, c2.Class);
        Assert.False(c2.CountsForTimeliness);
        Assert.Null(AssignmentClass.NoDeadline.ToNational());
    }

    [Fact]
    public void Classification_as_of_T_ignores_later_events()
    {
        var a = NewAssignment(Deadline, Local(2025, 3, 3));
        a.PostProgress("Đang làm", 50, Local(2025, 3, 10), FocalA);
        a.SubmitReport(Report(), "k", Local(2025, 3, 25), FocalA);
        a.Review(true, null, Local(2025, 3, 26), Office);

        var asOf22 = Classifier.Classify(a.Events, Local(2025, 3, 22));
        Assert.Equal(AssignmentClass.InProgressOverdue, asOf22.Class);
        Assert.Equal(AssignmentState.InProgress, asOf22.Snapshot.State);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, Classifier.Classify(a.Events, Local(2025, 3, 15)).Class);
        Assert.Equal(AssignmentClass.CompletedLate, Classifier.Classify(a.Events, Local(2025, 3, 27)).Class);
        // Same question, same answer, however many events come later.
        a.Explain("Chậm do chờ số liệu", Local(2025, 4, 2), FocalA);
        Assert.Equal(asOf22, Classifier.Classify(a.Events, Local(2025, 3, 22)));
    }

    [Fact]
    public void Extension_approved_after_T_does_not_change_the_deadline_as_of_T()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "Chờ ý kiến Bộ", Local(2025, 3, 18), FocalA);
        a.DecideExtension(true, Local(2025, 3, 24), Office);

        var before = Classifier.Classify(a.Events, Local(2025, 3, 22));
        Assert.Equal(Deadline, before.Deadline);
        Assert.Equal(AssignmentClass.InProgressOverdue, before.Class);
        var after = Classifier.Classify(a.Events, Local(2025, 3, 24, 12));
        Assert.Equal(D(2025, 3, 31), after.Deadline);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, after.Class);
        Assert.Equal(Deadline, after.Snapshot.OriginalDeadline);
        Assert.Equal(1, after.Snapshot.ApprovedExtensionCount);
    }

    [Fact]
    public void Awaiting_review_counts_by_pending_report_time_and_is_flagged()
    {
        var a = NewAssignment(Deadline);
        var report = a.SubmitReport(Report(), "k", Local(2025, 3, 19, 15), FocalA);

        var c = Classifier.Classify(a.Events, Local(2025, 3, 25));
        Assert.Equal(AssignmentClass.CompletedEarly, c.Class);
        Assert.True(c.AwaitingConfirmation);
        Assert.True(c.Snapshot.AwaitingConfirmation);
        Assert.Equal(report.Id, c.Snapshot.PendingReportId);
        Assert.Equal(Local(2025, 3, 19, 15), c.DecidingSubmissionAtUtc);

        a.Review(true, null, Local(2025, 3, 26), Office);
        var done = Classifier.Classify(a.Events, Local(2025, 3, 27));
        Assert.Equal(AssignmentClass.CompletedEarly, done.Class);
        Assert.False(done.AwaitingConfirmation);
    }

    [Fact]
    public void A_not_passed_report_stops_counting_and_the_next_report_decides()
    {
        var a = NewAssignment(Deadline);
        a.SubmitReport(Report(), "k1", Local(2025, 3, 18), FocalA);
        a.Review(false, "Chưa đạt yêu cầu", Local(2025, 3, 19), Office);
        Assert.Equal(AssignmentClass.InProgressOverdue, Classifier.Classify(a.Events, Local(2025, 3, 22)).Class);
        a.SubmitReport(Report("2/BC"), "k2", Local(2025, 3, 24), FocalA);
        a.Review(true, null, Local(2025, 3, 25), Office);
        Assert.Equal(AssignmentClass.CompletedLate, Classifier.Classify(a.Events, Local(2025, 3, 26)).Class);
        Assert.Equal(Local(2025, 3, 24), a.CompletedAtUtc);
    }

    [Fact]
    public void Cancelled_and_not_yet_assigned_assignments_are_not_counted()
    {
        var a = NewAssignment(Deadline, Local(2025, 3, 3));
        var before = Classifier.Classify(a.Events, Local(2025, 3, 2));
        Assert.Null(before.Class);
        Assert.Equal(NotCountedReason.NotYetAssigned, before.NotCounted);
        Assert.False(before.IsCounted);

        a.Cancel("Thu hồi", Local(2025, 3, 10), Office);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, Classifier.Classify(a.Events, Local(2025, 3, 9)).Class);
        var after = Classifier.Classify(a.Events, Local(2025, 3, 11));
        Assert.Null(after.Class);
        Assert.Equal(NotCountedReason.Cancelled, after.NotCounted);
        Assert.False(after.CountsForTimeliness);
    }

    [Theory]
    [InlineData(AssignmentClass.CompletedEarly, NationalClass.CompletedOnTime)]
    [InlineData(AssignmentClass.CompletedOnTime, NationalClass.CompletedOnTime)]
    [InlineData(AssignmentClass.CompletedLate, NationalClass.CompletedLate)]
    [InlineData(AssignmentClass.InProgressWithinDeadline, NationalClass.NotCompletedWithinDeadline)]
    [InlineData(AssignmentClass.InProgressOverdue, NationalClass.NotCompletedOverdue)]
    public void National_two_by_two_counts_early_and_on_time_as_on_time(AssignmentClass local, NationalClass national) =>
        Assert.Equal(national, local.ToNational());

    [Fact]
    public void Transferred_assignment_counts_for_the_unit_holding_it_at_T()
    {
        var a = NewAssignment(Deadline, Local(2025, 3, 3));
        a.Transfer(UnitB, D(2025, 4, 30), "Sáp nhập", Local(2025, 3, 15), Office);
        var before = Classifier.Classify(a.Events, Local(2025, 3, 14));
        Assert.Equal(UnitA, before.Snapshot.LeadUnitId);
        Assert.Equal(Deadline, before.Deadline);
        var after = Classifier.Classify(a.Events, Local(2025, 3, 25));
        Assert.Equal(UnitB, after.Snapshot.LeadUnitId);
        Assert.Equal(D(2025, 4, 30), after.Deadline);
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, after.Class);
    }

    [Fact]
    public void Due_soon_counts_working_days_to_the_deadline()
    {
        // Deadline Thursday 20 March 2025. From Monday 17: 3 working days (18, 19, 20).
        Assert.True(DeadlineMath.IsDueSoon(D(2025, 3, 17), Deadline, Calendar, 3));
        Assert.False(DeadlineMath.IsDueSoon(D(2025, 3, 17), Deadline, Calendar, 2));
        // From Friday 14: the weekend does not count, 4 working days.
        Assert.False(DeadlineMath.IsDueSoon(D(2025, 3, 14), Deadline, Calendar, 3));
        Assert.True(DeadlineMath.IsDueSoon(D(2025, 3, 14), Deadline, Calendar, 4));
        // The deadline day itself is due soon; the day after is overdue, not due soon.
        Assert.True(DeadlineMath.IsDueSoon(Deadline, Deadline, Calendar, 0));
        Assert.False(DeadlineMath.IsDueSoon(D(2025, 3, 21), Deadline, Calendar, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineMath.IsDueSoon(D(2025, 3, 17), Deadline, Calendar, -1));
    }

    [Fact]
    public void Due_soon_applies_only_to_unfinished_assignments_within_deadline()
    {
        var open = NewAssignment(Deadline);
        Assert.True(Classifier.IsDueSoon(Classifier.Classify(open.Events, Local(2025, 3, 18)), Local(2025, 3, 18), Calendar, 3));
        Assert.False(Classifier.IsDueSoon(Classifier.Classify(open.Events, Local(2025, 3, 10)), Local(2025, 3, 10), Calendar, 3));

        var reported = NewAssignment(Deadline);
        reported.SubmitReport(Report(), "k", Local(2025, 3, 17), FocalA);
        Assert.False(Classifier.IsDueSoon(Classifier.Classify(reported.Events, Local(2025, 3, 18)), Local(2025, 3, 18), Calendar, 3));

        var none = NewAssignment(null);
        Assert.False(Classifier.IsDueSoon(Classifier.Classify(none.Events, Local(2025, 3, 18)), Local(2025, 3, 18), Calendar, 3));
    }

    [Fact]
    public void Days_left_are_working_days_and_overdue_days_are_calendar_days()
    {
        Assert.Equal(4, DeadlineMath.WorkingDaysLeft(D(2025, 3, 14), Deadline, Calendar));
        Assert.Equal(0, DeadlineMath.WorkingDaysLeft(Deadline, Deadline, Calendar));
        Assert.Equal(0, DeadlineMath.WorkingDaysLeft(D(2025, 3, 25), Deadline, Calendar));

        Assert.Equal(0, DeadlineMath.DaysOverdue(Deadline, Deadline));
        Assert.Equal(3, DeadlineMath.DaysOverdue(D(2025, 3, 23), Deadline));
        Assert.Equal(1, DeadlineMath.WorkingDaysOverdue(D(2025, 3, 23), Deadline, Calendar)); // Fri 21 only
        Assert.Equal(0, DeadlineMath.WorkingDaysOverdue(D(2025, 3, 19), Deadline, Calendar));
    }
}
