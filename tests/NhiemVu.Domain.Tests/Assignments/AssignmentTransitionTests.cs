using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Assignments;

public class AssignmentTransitionTests
{
    private static readonly DateOnly Deadline = D(2025, 3, 20);

    private static string Code(Action action) => Assert.ThrowsAny<DomainException>(action).Code;

    private static Assignment Reported(out AssignmentReport report, DateTimeOffset? at = null)
    {
        var a = NewAssignment(Deadline);
        a.Receive(Local(2025, 3, 4), FocalA);
        report = a.SubmitReport(Report(), "key-1", at ?? Local(2025, 3, 10), FocalA);
        return a;
    }

    [Fact]
    public void Receive_keeps_the_time_and_happens_once()
    {
        var a = NewAssignment(Deadline);
        a.Receive(Local(2025, 3, 4, 8, 15), FocalA);
        Assert.Equal(AssignmentState.Received, a.State);
        Assert.Equal(Local(2025, 3, 4, 8, 15), a.ReceivedAtUtc);
        Assert.Equal("assignment.already_received", Code(() => a.Receive(Local(2025, 3, 5), FocalA)));
    }

    [Fact]
    public void Progress_moves_a_received_assignment_to_in_progress_and_keeps_the_newest_note()
    {
        var a = NewAssignment(Deadline);
        a.Receive(Local(2025, 3, 4), FocalA);
        a.PostProgress("Đang rà soát", 30, Local(2025, 3, 5), FocalA);
        a.PostProgress("Đã họp liên ngành", null, Local(2025, 3, 6), FocalA);
        Assert.Equal(AssignmentState.InProgress, a.State);
        Assert.Equal("Đã họp liên ngành", a.LastProgressText);
        Assert.Null(a.LastProgressPercent);
        Assert.Equal(Local(2025, 3, 6), a.LastProgressAtUtc);
    }

    [Fact]
    public void Progress_on_an_unreceived_assignment_receives_it_first()
    {
        var a = NewAssignment(Deadline);
        a.PostProgress("Bắt đầu triển khai", 10, Local(2025, 3, 5), FocalA);
        Assert.Equal(AssignmentState.InProgress, a.State);
        Assert.Equal(Local(2025, 3, 5), a.ReceivedAtUtc);
        Assert.Equal([AssignmentEventKind.Assigned, AssignmentEventKind.Received, AssignmentEventKind.ProgressPosted],
            a.Events.Select(e => e.Kind));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_percentage_is_between_0_and_100_and_text_is_required(int percent)
    {
        var a = NewAssignment(Deadline);
        Assert.Throws<DomainValidationException>(() => a.PostProgress("x", percent, Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.PostProgress(" ", 10, Local(2025, 3, 5), FocalA));
        Assert.Single(a.Events);
    }

    [Fact]
    public void Report_submission_awaits_review_and_needs_the_fields_of_art_7_5()
    {
        var a = NewAssignment(Deadline);
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { Name = "" }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { NumberAndSymbol = "" }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { Summary = "" }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { SignerName = "" }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { DocumentDate = default }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report() with { DocumentDate = D(2025, 3, 6) }, "k", Local(2025, 3, 5), FocalA));
        Assert.Throws<DomainValidationException>(() => a.SubmitReport(Report(), " ", Local(2025, 3, 5), FocalA));
        Assert.Single(a.Events);

        var report = a.SubmitReport(Report(), "k", Local(2025, 3, 5, 14), FocalA);
        Assert.Equal(AssignmentState.AwaitingReview, a.State);
        Assert.Equal(report.Id, a.PendingReportId);
        Assert.Equal(Local(2025, 3, 5, 14), report.SubmittedAtUtc);
        Assert.Equal(UnitA, report.SubmittedByUnitId);
        Assert.Equal(AssignmentReportStatus.Pending, report.Status);
        Assert.Equal("assignment.report_pending", Code(() => a.SubmitReport(Report("13/BC"), "k2", Local(2025, 3, 6), FocalA)));
    }

    [Fact]
    public void Duplicate_report_submission_with_same_key_creates_one_report()
    {
        var a = NewAssignment(Deadline);
        var first = a.SubmitReport(Report(), "form-42", Local(2025, 3, 5), FocalA);
        var events = a.Events.Count;
        var again = a.SubmitReport(Report(), "form-42", Local(2025, 3, 5, 9, 1), FocalA);
        Assert.Same(first, again);
        Assert.Single(a.Reports);
        Assert.Equal(events, a.Events.Count);
        Assert.Equal(Local(2025, 3, 5), again.SubmittedAtUtc);
    }

    [Fact]
    public void Same_idempotency_key_with_different_content_is_a_conflict()
    {
        var a = NewAssignment(Deadline);
        a.SubmitReport(Report(), "form-42", Local(2025, 3, 5), FocalA);
        Assert.Equal("assignment.idempotency_key_reused", Code(() => a.SubmitReport(Report("99/BC"), "form-42", Local(2025, 3, 5), FocalA)));
    }

    [Fact]
    public void Withdrawn_report_can_be_resubmitted()
    {
        var a = Reported(out var first);
        a.WithdrawReport(Local(2025, 3, 11), FocalA);
        Assert.Equal(AssignmentState.InProgress, a.State);
        Assert.Equal(AssignmentReportStatus.Withdrawn, first.Status);
        Assert.Null(a.PendingReportId);

        var second = a.SubmitReport(Report("14/BC-SXD"), "key-2", Local(2025, 3, 12), FocalA);
        Assert.Equal(AssignmentState.AwaitingReview, a.State);
        Assert.Equal(second.Id, a.PendingReportId);
        Assert.Equal(2, a.Reports.Count);
    }

    [Fact]
    public void Report_can_be_withdrawn_only_while_unreviewed()
    {
        var a = NewAssignment(Deadline);
        Assert.Equal("assignment.no_pending_report", Code(() => a.WithdrawReport(Local(2025, 3, 5), FocalA)));
        var b = Reported(out _);
        b.Review(true, null, Local(2025, 3, 11), Office);
        Assert.Equal("assignment.completed", Code(() => b.WithdrawReport(Local(2025, 3, 12), FocalA)));
    }

    [Fact]
    public void Passed_review_completes_with_the_report_submission_time_as_completion_time()
    {
        var a = Reported(out var report, Local(2025, 3, 10, 16));
        a.Review(true, null, Local(2025, 3, 14), Office);
        Assert.Equal(AssignmentState.Completed, a.State);
        Assert.Equal(Local(2025, 3, 10, 16), a.CompletedAtUtc);
        Assert.Equal(AssignmentReportStatus.Passed, report.Status);
        Assert.Equal(Local(2025, 3, 14), report.DecidedAtUtc);
    }

    [Fact]
    public void Not_passed_returns_the_assignment_with_a_required_reason()
    {
        var a = Reported(out var report);
        Assert.Throws<DomainValidationException>(() => a.Review(false, " ", Local(2025, 3, 11), Office));
        Assert.Equal(AssignmentState.AwaitingReview, a.State);

        a.Review(false, "Thiếu số liệu quý I", Local(2025, 3, 11), Office);
        Assert.Equal(AssignmentState.InProgress, a.State);
        Assert.Equal(AssignmentReportStatus.NotPassed, report.Status);
        Assert.Equal("Thiếu số liệu quý I", report.ReviewReason);
        var e = a.Events[^1];
        Assert.Equal(AssignmentEventKind.ReviewNotPassed, e.Kind);
        Assert.Equal("Thiếu số liệu quý I", e.Text);
        Assert.Equal(false, e.Approved);
        Assert.Null(a.CompletedAtUtc);

        // The unit keeps working and reports again (art. 7.6).
        a.SubmitReport(Report("15/BC"), "key-2", Local(2025, 3, 12), FocalA);
        Assert.Equal(AssignmentState.AwaitingReview, a.State);
    }

    [Fact]
    public void Review_of_an_unreported_assignment_is_refused()
    {
        var a = NewAssignment(Deadline);
        Assert.Equal("assignment.not_reported", Code(() => a.Review(true, null, Local(2025, 3, 5), Office)));
        a.PostProgress("Đang làm", 50, Local(2025, 3, 6), FocalA);
        Assert.Equal("assignment.not_reported", Code(() => a.Review(false, "x", Local(2025, 3, 7), Office)));
    }

    [Fact]
    public void Report_on_a_cancelled_assignment_is_refused()
    {
        var a = NewAssignment(Deadline);
        a.Cancel("Nhiệm vụ không còn phù hợp", Local(2025, 3, 5), Office);
        Assert.Equal("assignment.cancelled", Code(() => a.SubmitReport(Report(), "k", Local(2025, 3, 6), FocalA)));
        Assert.Equal("assignment.cancelled", Code(() => a.PostProgress("x", null, Local(2025, 3, 6), FocalA)));
        Assert.Equal("assignment.cancelled", Code(() => a.Receive(Local(2025, 3, 6), FocalA)));
        Assert.Empty(a.Reports);
    }

    [Fact]
    public void A_completed_assignment_is_closed_to_every_transition()
    {
        var a = Reported(out _);
        a.Review(true, null, Local(2025, 3, 11), Office);
        Assert.Equal("assignment.completed", Code(() => a.SubmitReport(Report("2/BC"), "k9", Local(2025, 3, 12), FocalA)));
        Assert.Equal("assignment.completed", Code(() => a.Review(true, null, Local(2025, 3, 12), Office)));
        Assert.Equal("assignment.completed", Code(() => a.Cancel("x", Local(2025, 3, 12), Office)));
        Assert.Equal("assignment.completed", Code(() => a.Transfer(UnitB, null, null, Local(2025, 3, 12), Office)));
        Assert.Equal("assignment.completed", Code(() => a.RequestExtension(D(2025, 4, 1), "x", Local(2025, 3, 12), FocalA)));
        Assert.Equal("assignment.completed", Code(() => a.Urge("x", Local(2025, 3, 12), Office)));
    }

    [Fact]
    public void At_most_one_approved_extension_per_assignment()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "Chờ ý kiến Bộ", Local(2025, 3, 10), FocalA);
        a.DecideExtension(true, Local(2025, 3, 11), Office);
        Assert.Equal(1, a.ApprovedExtensionCount);
        Assert.Equal(D(2025, 3, 31), a.Deadline);

        var second = a.RequestExtension(D(2025, 4, 15), "Chưa có kinh phí", Local(2025, 3, 25), FocalA);
        Assert.Equal("assignment.extension_limit", Code(() => a.DecideExtension(true, Local(2025, 3, 26), Office)));
        Assert.Equal(D(2025, 3, 31), a.Deadline);
        Assert.Equal(1, a.ApprovedExtensionCount);
        Assert.True(second.IsPending);

        a.DecideExtension(false, Local(2025, 3, 26), Office, "Không có căn cứ gia hạn lần hai");
        Assert.Equal(AssignmentRequestStatus.Rejected, second.Status);
        Assert.Equal(D(2025, 3, 31), a.Deadline);
    }

    [Fact]
    public void Second_extension_needs_an_office_leader_override()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "Chờ ý kiến Bộ", Local(2025, 3, 10), FocalA);
        a.DecideExtension(true, Local(2025, 3, 11), Office);
        a.RequestExtension(D(2025, 4, 15), "Chưa có kinh phí", Local(2025, 3, 25), FocalA);

        Assert.Throws<DomainValidationException>(() =>
            a.DecideExtension(true, Local(2025, 3, 26), OfficeLeader, officeLeaderOverride: true, overrideReason: " "));
        a.DecideExtension(true, Local(2025, 3, 26), OfficeLeader, officeLeaderOverride: true,
            overrideReason: "Chủ tịch đồng ý tại cuộc họp 25/3");

        Assert.Equal(2, a.ApprovedExtensionCount);
        Assert.Equal(D(2025, 4, 15), a.Deadline);
        var e = a.Events[^1];
        Assert.Equal(AssignmentEventKind.ExtensionApproved, e.Kind);
        Assert.True(e.IsOverride);
        Assert.Equal("Chủ tịch đồng ý tại cuộc họp 25/3", e.OverrideReason);
        Assert.Equal(OfficeLeader.UserId, e.ActorUserId);
        Assert.Equal(D(2025, 3, 31), e.OldDeadline);
        Assert.Equal(D(2025, 4, 15), e.NewDeadline);
        Assert.False(a.Events.Single(x => x.Kind == AssignmentEventKind.ExtensionApproved && x.Sequence < e.Sequence).IsOverride);
    }

    [Fact]
    public void Original_deadline_is_kept_after_extension()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "Chờ ý kiến Bộ", Local(2025, 3, 10), FocalA);
        a.DecideExtension(true, Local(2025, 3, 11), Office, approvedDeadline: D(2025, 3, 28));
        Assert.Equal(Deadline, a.OriginalDeadline);
        Assert.Equal(D(2025, 3, 28), a.Deadline);
        Assert.Equal(D(2025, 3, 28), a.Requests.Single().ApprovedDeadline);
    }

    [Fact]
    public void Extension_request_needs_a_later_deadline_a_reason_and_a_deadline_to_extend()
    {
        var a = NewAssignment(Deadline);
        Assert.Throws<DomainValidationException>(() => a.RequestExtension(Deadline, "x", Local(2025, 3, 10), FocalA));
        Assert.Throws<DomainValidationException>(() => a.RequestExtension(D(2025, 3, 31), "", Local(2025, 3, 10), FocalA));
        a.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 10), FocalA);
        Assert.Equal("assignment.extension_pending", Code(() => a.RequestExtension(D(2025, 4, 30), "y", Local(2025, 3, 10), FocalA)));

        var none = NewAssignment(null);
        Assert.Equal("assignment.no_deadline", Code(() => none.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 10), FocalA)));
        Assert.Equal("assignment.no_pending_extension", Code(() => none.DecideExtension(true, Local(2025, 3, 10), Office)));
    }

    [Fact]
    public void Extension_asked_before_reporting_may_be_decided_while_the_report_awaits_review()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "Chờ ý kiến Bộ", Local(2025, 3, 18), FocalA);
        a.SubmitReport(Report(), "k", Local(2025, 3, 24), FocalA);
        Assert.Equal("assignment.report_pending", Code(() => a.RequestExtension(D(2025, 4, 30), "x", Local(2025, 3, 24), FocalA)));
        a.DecideExtension(true, Local(2025, 3, 25), Office);
        a.Review(true, null, Local(2025, 3, 26), Office);
        Assert.Equal(D(2025, 3, 31), a.Deadline);
        Assert.Equal(AssignmentClass.CompletedEarly, Classifier.Classify(a.Events, Local(2025, 3, 27)).Class);
    }

    [Fact]
    public void Pending_requests_are_closed_when_the_assignment_completes()
    {
        var a = NewAssignment(Deadline);
        a.RequestAdjustment(AdjustmentKind.ChangeDeadline, "x", D(2025, 4, 5), Local(2025, 3, 18), FocalA);
        a.SubmitReport(Report(), "k", Local(2025, 3, 19), FocalA);
        a.Review(true, null, Local(2025, 3, 20), Office);
        Assert.Equal(AssignmentRequestStatus.Closed, a.Requests.Single().Status);
        Assert.Equal("assignment.completed", Code(() => a.DecideAdjustment(true, Local(2025, 3, 21), Office)));
    }

    [Fact]
    public void Refused_extension_keeps_the_deadline_and_does_not_count()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 10), FocalA);
        a.DecideExtension(false, Local(2025, 3, 11), Office, "Không đủ lý do");
        Assert.Equal(Deadline, a.Deadline);
        Assert.Equal(0, a.ApprovedExtensionCount);
        Assert.Equal(AssignmentEventKind.ExtensionRejected, a.Events[^1].Kind);
    }

    [Fact]
    public void Accepted_refusal_leaves_only_transfer_or_cancel()
    {
        var a = NewAssignment(Deadline);
        a.Receive(Local(2025, 3, 4), FocalA);
        Assert.Throws<DomainValidationException>(() => a.Refuse(" ", Local(2025, 3, 5), FocalA));
        a.Refuse("Không thuộc chức năng của Sở", Local(2025, 3, 5), FocalA);
        Assert.Equal("assignment.refusal_pending", Code(() => a.Refuse("again", Local(2025, 3, 5), FocalA)));
        a.DecideRefusal(true, Local(2025, 3, 6), Office);
        Assert.True(a.AwaitingReassignment);
        Assert.Equal("assignment.awaiting_reassignment", Code(() => a.PostProgress("x", null, Local(2025, 3, 7), FocalA)));
        Assert.Equal("assignment.awaiting_reassignment", Code(() => a.SubmitReport(Report(), "k", Local(2025, 3, 7), FocalA)));

        a.Transfer(UnitB, null, "Đúng chức năng Sở B", Local(2025, 3, 7), Office);
        Assert.False(a.AwaitingReassignment);
        Assert.Equal(UnitB, a.LeadUnitId);
        Assert.Equal(AssignmentState.Assigned, a.State);
    }

    [Fact]
    public void Rejected_refusal_lets_the_unit_continue()
    {
        var a = NewAssignment(Deadline);
        a.Refuse("Không thuộc chức năng", Local(2025, 3, 5), FocalA);
        a.DecideRefusal(false, Local(2025, 3, 6), Office, "Thuộc chức năng theo Quyết định 12");
        Assert.False(a.AwaitingReassignment);
        a.PostProgress("Tiếp tục thực hiện", 20, Local(2025, 3, 7), FocalA);
        Assert.Equal(AssignmentState.InProgress, a.State);
        Assert.Equal(AssignmentRequestStatus.Rejected, a.Requests.Single().Status);
    }

    [Fact]
    public void Explanation_is_required_text_kept_on_the_assignment_and_allowed_after_late_completion()
    {
        var a = NewAssignment(Deadline);
        Assert.Throws<DomainValidationException>(() => a.Explain("", Local(2025, 3, 21), FocalA));
        a.Explain("Chậm do chờ số liệu của Bộ", Local(2025, 3, 21), FocalA);
        Assert.Equal("Chậm do chờ số liệu của Bộ", a.Explanation);
        Assert.Equal(Local(2025, 3, 21), a.ExplainedAtUtc);

        a.SubmitReport(Report(), "k", Local(2025, 3, 24), FocalA);
        a.Review(true, null, Local(2025, 3, 25), Office);
        a.Explain("Bổ sung giải trình trễ hạn", Local(2025, 3, 26), FocalA);
        Assert.Equal("Bổ sung giải trình trễ hạn", a.Explanation);
        Assert.Equal(2, a.Events.Count(e => e.Kind == AssignmentEventKind.ExplanationGiven));

        var cancelled = NewAssignment(Deadline);
        cancelled.Cancel("x", Local(2025, 3, 4), Office);
        Assert.Equal("assignment.cancelled", Code(() => cancelled.Explain("x", Local(2025, 3, 5), FocalA)));
    }

    [Fact]
    public void Urging_is_recorded_and_refused_while_the_report_awaits_the_office()
    {
        var a = NewAssignment(Deadline);
        a.Urge("Đề nghị khẩn trương báo cáo", Local(2025, 3, 18), Office);
        a.Urge("Nhắc lần 2", Local(2025, 3, 19), Office);
        Assert.Equal(2, a.UrgeCount);
        Assert.Equal(Local(2025, 3, 19), a.LastUrgedAtUtc);
        Assert.Equal("Nhắc lần 2", a.Events[^1].Text);
        Assert.Equal(UnitA, a.Events[^1].LeadUnitId);

        var b = Reported(out _);
        Assert.Equal("assignment.report_pending", Code(() => b.Urge("x", Local(2025, 3, 11), Office)));
    }

    [Fact]
    public void Transfer_keeps_history_and_old_unit()
    {
        var a = NewAssignment(Deadline);
        a.Receive(Local(2025, 3, 4), FocalA);
        a.PostProgress("Sở A đã làm 40%", 40, Local(2025, 3, 5), FocalA);
        a.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 6), FocalA);
        var before = a.Events.ToList();

        a.Transfer(UnitB, D(2025, 4, 10), "Sáp nhập Sở A vào Sở B", Local(2025, 3, 7), Office);

        Assert.Equal(UnitB, a.LeadUnitId);
        Assert.Equal(AssignmentState.Assigned, a.State);
        Assert.Null(a.ReceivedAtUtc);
        Assert.Equal(D(2025, 4, 10), a.Deadline);
        Assert.Equal(Deadline, a.OriginalDeadline);
        Assert.Equal(0, a.ApprovedExtensionCount);
        Assert.Equal(AssignmentRequestStatus.Closed, a.Requests.Single().Status);
        Assert.Equal(before, a.Events.Take(before.Count));
        Assert.All(before, e => Assert.Equal(UnitA, e.LeadUnitId));
        var t = a.Events[^1];
        Assert.Equal(AssignmentEventKind.Transferred, t.Kind);
        Assert.Equal(UnitA, t.FromUnitId);
        Assert.Equal(UnitB, t.ToUnitId);
        Assert.Equal(UnitA, t.LeadUnitId);
        Assert.Equal(AssignmentState.InProgress, t.FromState);
        Assert.Equal(Deadline, t.OldDeadline);

        a.Receive(Local(2025, 3, 8), FocalB);
        Assert.Equal(UnitB, a.Events[^1].LeadUnitId);
        Assert.Equal("Sở A đã làm 40%", a.LastProgressText);
        Assert.Equal("assignment.same_unit", Code(() => a.Transfer(UnitB, null, null, Local(2025, 3, 9), Office)));
    }

    [Fact]
    public void Transfer_and_cancel_are_refused_while_a_report_awaits_review()
    {
        var a = Reported(out _);
        Assert.Equal("assignment.report_pending", Code(() => a.Transfer(UnitB, null, null, Local(2025, 3, 11), Office)));
        Assert.Equal("assignment.report_pending", Code(() => a.Cancel("x", Local(2025, 3, 11), Office)));
    }

    [Fact]
    public void Cancel_needs_a_reason_and_closes_pending_requests()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 6), FocalA);
        Assert.Throws<DomainValidationException>(() => a.Cancel("", Local(2025, 3, 7), Office));
        a.Cancel("UBND tỉnh thu hồi nhiệm vụ", Local(2025, 3, 7), Office);
        Assert.Equal(AssignmentState.Cancelled, a.State);
        Assert.Equal(Local(2025, 3, 7), a.CancelledAtUtc);
        Assert.Equal(AssignmentRequestStatus.Closed, a.Requests.Single().Status);
        Assert.Equal("UBND tỉnh thu hồi nhiệm vụ", a.Events[^1].Text);
        Assert.Equal("assignment.cancelled", Code(() => a.Cancel("again", Local(2025, 3, 8), Office)));
    }

    [Fact]
    public void Deadline_adjustment_obeys_the_one_extension_rule()
    {
        var a = NewAssignment(Deadline);
        a.RequestExtension(D(2025, 3, 31), "x", Local(2025, 3, 6), FocalA);
        a.DecideExtension(true, Local(2025, 3, 7), Office);

        Assert.Throws<DomainValidationException>(() => a.RequestAdjustment(AdjustmentKind.ChangeDeadline, "x", null, Local(2025, 3, 8), FocalA));
        a.RequestAdjustment(AdjustmentKind.ChangeDeadline, "Sau sắp xếp bộ máy", D(2025, 6, 30), Local(2025, 3, 8), FocalA);
        Assert.Equal("assignment.extension_limit", Code(() => a.DecideAdjustment(true, Local(2025, 3, 9), Office)));
        a.DecideAdjustment(true, Local(2025, 3, 9), OfficeLeader, officeLeaderOverride: true, overrideReason: "Theo Công văn 1313");
        Assert.Equal(D(2025, 6, 30), a.Deadline);
        Assert.Equal(2, a.ApprovedExtensionCount);
        Assert.True(a.Events[^1].IsOverride);
        Assert.True(a.Events[^1].CountsAsExtension);

        // Bringing a deadline forward is not an extension.
        var b = NewAssignment(Deadline);
        b.RequestAdjustment(AdjustmentKind.ChangeDeadline, "Làm sớm", D(2025, 3, 15), Local(2025, 3, 8), FocalA);
        b.DecideAdjustment(true, Local(2025, 3, 9), Office);
        Assert.Equal(D(2025, 3, 15), b.Deadline);
        Assert.Equal(0, b.ApprovedExtensionCount);
    }

    [Fact]
    public void Approved_drop_adjustment_cancels_the_assignment_and_add_is_only_recorded()
    {
        var a = NewAssignment(Deadline);
        Assert.Throws<DomainValidationException>(() => a.RequestAdjustment(AdjustmentKind.Drop, "x", D(2025, 4, 1), Local(2025, 3, 8), FocalA));
        a.RequestAdjustment(AdjustmentKind.Drop, "Nhiệm vụ đã chuyển cho Trung ương", null, Local(2025, 3, 8), FocalA);
        Assert.Equal("assignment.adjustment_pending", Code(() => a.RequestAdjustment(AdjustmentKind.Add, "y", null, Local(2025, 3, 8), FocalA)));
        a.DecideAdjustment(true, Local(2025, 3, 9), Office);
        Assert.Equal(AssignmentState.Cancelled, a.State);
        Assert.Equal([AssignmentEventKind.AdjustmentApproved, AssignmentEventKind.Cancelled], a.Events.TakeLast(2).Select(e => e.Kind));

        var b = NewAssignment(Deadline);
        b.RequestAdjustment(AdjustmentKind.Add, "Bổ sung nhiệm vụ số hóa hồ sơ", null, Local(2025, 3, 8), FocalA);
        b.DecideAdjustment(true, Local(2025, 3, 9), Office);
        Assert.Equal(AssignmentState.Assigned, b.State);
        Assert.Equal(AdjustmentKind.Add, b.Events[^1].AdjustmentKind);

        var c = NewAssignment(Deadline);
        c.RequestAdjustment(AdjustmentKind.Drop, "x", null, Local(2025, 3, 8), FocalA);
        c.DecideAdjustment(false, Local(2025, 3, 9), Office, "Vẫn cần thực hiện");
        Assert.Equal(AssignmentState.Assigned, c.State);
        Assert.Equal(AssignmentRequestStatus.Rejected, c.Requests.Single().Status);
    }

    [Fact]
    public void Every_transition_appends_a_numbered_event_with_who_and_when()
    {
        var a = NewAssignment(Deadline, Local(2025, 3, 3, 8));
        a.Receive(Local(2025, 3, 4), FocalA);
        a.PostProgress("p", 50, Local(2025, 3, 5), FocalA);
        var report = a.SubmitReport(Report(), "k", Local(2025, 3, 6), FocalA);
        a.Review(true, null, Local(2025, 3, 7), Office);

        Assert.Equal([1, 2, 3, 4, 5], a.Events.Select(e => e.Sequence));
        Assert.Equal(5, a.LastEventSequence);
        Assert.All(a.Events, e => Assert.Equal(a.Id, e.AssignmentId));
        var submitted = a.Events.Single(e => e.Kind == AssignmentEventKind.ReportSubmitted);
        Assert.Equal(report.Id, submitted.ReportId);
        Assert.Equal(FocalA.UserId, submitted.ActorUserId);
        Assert.Equal(UnitA, submitted.ActorUnitId);
        Assert.Equal(AssignmentState.InProgress, submitted.FromState);
        Assert.Equal(AssignmentState.AwaitingReview, submitted.ToState);
        Assert.Equal(50, a.Events.Single(e => e.Kind == AssignmentEventKind.ProgressPosted).Percent);
        Assert.Equal(Office.UserId, a.Events[^1].ActorUserId);
        Assert.Equal(OfficeUnit, a.Events[^1].ActorUnitId);
    }

    [Fact]
    public void Every_mutation_renews_the_concurrency_stamp_and_a_refused_one_changes_nothing()
    {
        var a = NewAssignment(Deadline);
        var stamp = a.ConcurrencyStamp;
        a.Receive(Local(2025, 3, 4), FocalA);
        Assert.NotEqual(stamp, a.ConcurrencyStamp);
        stamp = a.ConcurrencyStamp;
        Assert.ThrowsAny<DomainException>(() => a.Review(true, null, Local(2025, 3, 5), Office));
        Assert.Equal(stamp, a.ConcurrencyStamp);
        Assert.Equal(2, a.Events.Count);
    }

    [Fact]
    public void Event_times_never_go_backwards_even_if_the_clock_does()
    {
        var a = NewAssignment(Deadline, Local(2025, 3, 5, 10));
        a.Receive(Local(2025, 3, 5, 9, 59), FocalA);
        Assert.Equal(Local(2025, 3, 5, 10), a.Events[^1].AtUtc);
        Assert.Equal(Local(2025, 3, 5, 10), a.ReceivedAtUtc);
        Assert.Equal(TimeSpan.Zero, a.Events[^1].AtUtc.Offset);
    }
}
