using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Reports;

public class AsOfStatisticsTests
{
    private static readonly ReportPeriod March = ReportPeriod.Month(2025, 3);
    private static readonly DateTimeOffset EndOfMarch = Local(2025, 3, 31, 23, 59);
    private static readonly Guid Doc1 = Guid.Parse("00000000-0000-0000-0000-00000000d001");
    private static readonly Guid Doc2 = Guid.Parse("00000000-0000-0000-0000-00000000d002");
    private static readonly Guid Field1 = Guid.Parse("00000000-0000-0000-0000-00000000f001");
    private static readonly Guid Leader2 = Guid.Parse("00000000-0000-0000-0000-000000000199");

    internal static ReportAssignment In(Assignment a, Guid? document = null, Guid? leader = null, Guid? field = null,
        TaskNature nature = TaskNature.ThuongXuyen, string? noDeadlineReason = null, string? documentNumber = "1313/UBND-KSTT") =>
        new(a.Id, a.TaskId, document ?? Doc1, leader ?? Leader, field, nature, TaskProgramme.None, a.Events.ToList(),
            a.Reports.Select(r => new ReportedResult(r.Id, r.NumberAndSymbol, r.SignerName)).ToList(),
            noDeadlineReason, SourceKind.Document, DirectiveKind.CongVan, documentNumber);

    private static Assignment Completed(DateOnly deadline, DateTimeOffset submitted, DateTimeOffset? reviewed = null)
    {
        var a = NewAssignment(deadline, Local(2025, 3, 1));
        a.SubmitReport(Report(), "k1", submitted, FocalA);
        a.Review(true, null, reviewed ?? submitted.AddHours(2), Office);
        return a;
    }

    private static Assignment Open(DateOnly? deadline, DateTimeOffset? at = null)
    {
        var a = NewAssignment(deadline, at ?? Local(2025, 3, 1));
        a.Receive((at ?? Local(2025, 3, 1)).AddHours(1), FocalA);
        return a;
    }

    [Fact]
    public void Report_as_of_T_is_the_same_after_later_events()
    {
        var t = Local(2025, 3, 25, 17);
        var overdue = Open(D(2025, 3, 20));                       // overdue at T
        var awaiting = Open(D(2025, 3, 28));
        awaiting.SubmitReport(Report(), "k", Local(2025, 3, 24), FocalA); // awaiting review at T
        var within = Open(D(2025, 3, 31));                        // within deadline at T
        var late = Open(D(2025, 3, 10));
        late.SubmitReport(Report(), "k", Local(2025, 3, 12), FocalA);
        late.Review(true, null, Local(2025, 3, 13), Office);
        var inputs = new[] { overdue, awaiting, within, late };

        var before = AsOfStatistics.Compute(inputs.Select(a => In(a)), March, t);
        var beforeUnits = before.By(ReportDimension.Unit);

        // After T: the review decides the pending report, the overdue one gets an extension and is
        // explained, the one within deadline moves to another unit with a new deadline.
        awaiting.Review(false, "Chưa đạt yêu cầu", Local(2025, 3, 26), Office);
        overdue.Explain("Vướng mặt bằng", Local(2025, 3, 26), FocalA);
        overdue.RequestExtension(D(2025, 4, 30), "Cần thêm thời gian", Local(2025, 3, 26, 10), FocalA);
        overdue.DecideExtension(true, Local(2025, 3, 27), Office);
        within.Transfer(UnitB, D(2025, 5, 15), "Sắp xếp bộ máy", Local(2025, 3, 28), Office);
        late.Explain("Lý do khách quan", Local(2025, 4, 2), FocalA);

        var after = AsOfStatistics.Compute(inputs.Select(a => In(a)), March, t);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(beforeUnits, after.By(ReportDimension.Unit));
        Assert.Equal(before.Rows.Select(r => (r.Assignment.AssignmentId, r.Class, r.UnitId, r.DaysOverdue, r.LacksExplanation)),
            after.Rows.Select(r => (r.Assignment.AssignmentId, r.Class, r.UnitId, r.DaysOverdue, r.LacksExplanation)));
        Assert.Equal(4, before.Total.Total);
        Assert.Equal(1, before.Total.InProgressOverdue);
        Assert.Equal(1, before.Total.AwaitingConfirmation);
        Assert.Equal(2, before.Total.MissingExplanation);

        // As of now the figures do move (the history is what changed, not the past).
        var now = AsOfStatistics.Compute(inputs.Select(a => In(a)), March, Local(2025, 4, 5));
        Assert.NotEqual(before.Total, now.Total);
    }

    [Fact]
    public void Transferred_assignment_counts_for_the_unit_holding_it_at_T()
    {
        var a = Open(D(2025, 3, 20));
        a.Transfer(UnitB, null, "Sáp nhập", Local(2025, 3, 10), Office);
        var beforeTransfer = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 9));
        var afterTransfer = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 11));

        Assert.Equal(UnitA, Assert.Single(beforeTransfer.By(ReportDimension.Unit)).Key.AsGuid());
        Assert.Equal(UnitB, Assert.Single(afterTransfer.By(ReportDimension.Unit)).Key.AsGuid());
    }

    [Fact]
    public void Transfer_with_a_new_deadline_moves_the_assignment_by_its_deadline_at_T()
    {
        var a = Open(D(2025, 3, 20));
        a.Transfer(UnitB, D(2025, 4, 15), "Giao lại", Local(2025, 3, 10), Office);
        Assert.Single(AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 9)).Rows);
        Assert.Empty(AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 11)).Rows);
        Assert.Single(AsOfStatistics.Compute([In(a)], ReportPeriod.Month(2025, 4), Local(2025, 3, 11)).Rows);
    }

    [Fact]
    public void Awaiting_review_counts_by_report_time_and_is_flagged()
    {
        var a = Open(D(2025, 3, 20));
        a.SubmitReport(Report(), "k", Local(2025, 3, 19, 16), FocalA);
        var r = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 25));

        var row = Assert.Single(r.Rows);
        Assert.Equal(AssignmentClass.CompletedEarly, row.Class);
        Assert.True(row.AwaitingConfirmation);
        Assert.Equal(1, r.Total.CompletedEarly);
        Assert.Equal(1, r.Total.AwaitingConfirmation);
        Assert.Single(r.AwaitingConfirmation());

        // Reviewed later (passed): same class, no longer flagged, in a report as of after the review.
        a.Review(true, null, Local(2025, 3, 26), Office);
        var later = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 27));
        Assert.Equal(1, later.Total.CompletedEarly);
        Assert.Equal(0, later.Total.AwaitingConfirmation);
    }

    [Fact]
    public void No_deadline_is_listed_but_not_in_on_time_rate()
    {
        var noDeadline = Open(null, Local(2025, 3, 5));
        noDeadline.SubmitReport(Report(), "k", Local(2025, 3, 6), FocalA);
        noDeadline.Review(true, null, Local(2025, 3, 6, 15), Office);
        var late = Completed(D(2025, 3, 10), Local(2025, 3, 11));
        var r = AsOfStatistics.Compute([In(noDeadline, noDeadlineReason: "Nhiệm vụ thường xuyên"), In(late)], March, EndOfMarch);

        Assert.Equal(2, r.Total.Total);
        Assert.Equal(1, r.Total.NoDeadline);
        Assert.Equal(1, r.Total.NoDeadlineCompleted);
        Assert.Equal(2, r.Total.CompletedTotal);
        Assert.Equal(1, r.Total.WithDeadline);
        Assert.Equal(0m, r.Total.OnTimeRate);      // the no-deadline completion does not lift it
        Assert.Equal(1m, r.Total.CompletionRate);
        Assert.Equal(1, r.Total.National.Total);
        Assert.Contains(r.Rows, x => x.Class == AssignmentClass.NoDeadline);
    }

    [Fact]
    public void No_deadline_counts_in_the_period_it_was_assigned_in()
    {
        var a = Open(null, Local(2025, 2, 27));
        Assert.Empty(AsOfStatistics.Compute([In(a, noDeadlineReason: "Thường xuyên")], March, EndOfMarch).Rows);
        Assert.Single(AsOfStatistics.Compute([In(a, noDeadlineReason: "Thường xuyên")], ReportPeriod.Month(2025, 2), EndOfMarch).Rows);
    }

    [Fact]
    public void Incomplete_information_is_left_out_of_the_figures()
    {
        var noDeadlineNoReason = Open(null, Local(2025, 3, 5));
        var noDocumentNumber = Open(D(2025, 3, 20));
        var fine = Open(D(2025, 3, 20));
        var r = AsOfStatistics.Compute(
            [In(noDeadlineNoReason), In(noDocumentNumber, documentNumber: " "), In(fine)], March, EndOfMarch);

        Assert.Equal(1, r.Total.Total);
        Assert.Equal(fine.Id, Assert.Single(r.Rows).Assignment.AssignmentId);
        Assert.Equal(2, r.Incomplete.Count);
        Assert.Equal([IncompleteReason.NoDeadlineWithoutReason],
            r.Incomplete.Single(i => i.Assignment.AssignmentId == noDeadlineNoReason.Id).Reasons);
        Assert.Equal([IncompleteReason.DocumentNumberMissing],
            r.Incomplete.Single(i => i.Assignment.AssignmentId == noDocumentNumber.Id).Reasons);

        var all = AsOfStatistics.Compute([In(noDeadlineNoReason), In(noDocumentNumber, documentNumber: " "), In(fine)],
            March, EndOfMarch, new AsOfOptions(ExcludeIncomplete: false));
        Assert.Equal(3, all.Total.Total);
    }

    [Fact]
    public void Completed_with_a_report_lacking_number_or_signer_is_incomplete()
    {
        var a = Completed(D(2025, 3, 20), Local(2025, 3, 18));
        var report = a.Reports.Single();
        var imported = In(a) with { Reports = [new ReportedResult(report.Id, "", null)] };
        var r = AsOfStatistics.Compute([imported], March, EndOfMarch);
        Assert.Empty(r.Rows);
        Assert.Equal([IncompleteReason.ReportNumberMissing, IncompleteReason.ReportSignerMissing], Assert.Single(r.Incomplete).Reasons);
    }

    [Fact]
    public void Phieu_lay_y_kien_needs_no_document_number()
    {
        var a = Open(D(2025, 3, 20));
        var input = In(a, documentNumber: null) with { DocumentKind = DirectiveKind.PhieuLayYKien };
        Assert.Single(AsOfStatistics.Compute([input], March, EndOfMarch).Rows);
    }

    [Fact]
    public void National_2x2_counts_early_and_on_time_as_on_time()
    {
        var early = Completed(D(2025, 3, 20), Local(2025, 3, 18));
        var onTime = Completed(D(2025, 3, 20), Local(2025, 3, 20, 16));
        var late = Completed(D(2025, 3, 20), Local(2025, 3, 21, 8));
        var within = Open(D(2025, 3, 31));
        var overdue = Open(D(2025, 3, 14));
        var r = AsOfStatistics.Compute([In(early), In(onTime), In(late), In(within), In(overdue)], March, Local(2025, 3, 25));

        Assert.Equal(new NationalTwoByTwo(2, 1, 1, 1), r.Total.National);
        Assert.Equal(2m / 3m, r.Total.OnTimeRate);
        Assert.Equal(3m / 5m, r.Total.CompletionRate);
        Assert.Equal(2m / 5m, r.Total.TimelyRate);
        Assert.Equal(11, Assert.Single(r.Overdue()).DaysOverdue);
    }

    [Fact]
    public void Period_counts_deadlines_in_it_and_carries_over_unfinished_overdue_work()
    {
        var dueInMarch = Open(D(2025, 3, 20));
        var dueInApril = Open(D(2025, 4, 10));
        var febStillOpen = Open(D(2025, 2, 20), Local(2025, 2, 1));
        var febDoneInMarch = NewAssignment(D(2025, 2, 20), Local(2025, 2, 1));
        febDoneInMarch.SubmitReport(Report(), "k", Local(2025, 3, 3), FocalA);
        febDoneInMarch.Review(true, null, Local(2025, 3, 3, 14), Office);
        var febDoneInFeb = NewAssignment(D(2025, 2, 20), Local(2025, 2, 1));
        febDoneInFeb.SubmitReport(Report() with { DocumentDate = D(2025, 2, 28) }, "k", Local(2025, 2, 28), FocalA);
        febDoneInFeb.Review(true, null, Local(2025, 3, 3), Office);

        var inputs = new[] { dueInMarch, dueInApril, febStillOpen, febDoneInMarch, febDoneInFeb }.Select(a => In(a)).ToList();
        var r = AsOfStatistics.Compute(inputs, March, EndOfMarch);

        Assert.Equal(new[] { dueInMarch.Id, febStillOpen.Id, febDoneInMarch.Id }.OrderBy(x => x), r.Rows.Select(x => x.Assignment.AssignmentId));
        Assert.Equal(2, r.Total.CarriedOver);
        Assert.Equal(2, r.Total.InProgressOverdue);
        Assert.Equal(1, r.Total.CompletedLate);

        var strict = AsOfStatistics.Compute(inputs, March, EndOfMarch, new AsOfOptions(IncludeCarriedOver: false));
        Assert.Equal(dueInMarch.Id, Assert.Single(strict.Rows).Assignment.AssignmentId);
    }

    [Fact]
    public void Cancelled_and_not_yet_assigned_are_not_counted()
    {
        var cancelled = Open(D(2025, 3, 20));
        cancelled.Cancel("Không còn phù hợp", Local(2025, 3, 5), Office);
        var future = NewAssignment(D(2025, 3, 28), Local(2025, 3, 26));
        var r = AsOfStatistics.Compute([In(cancelled), In(future)], March, Local(2025, 3, 25));
        Assert.Empty(r.Rows);
        Assert.Equal(0, r.Total.Total);
        Assert.Null(r.Total.OnTimeRate);
        Assert.Null(r.Total.CompletionRate);
    }

    [Fact]
    public void Approved_extension_by_T_moves_the_deadline_and_is_counted()
    {
        var a = Open(D(2025, 3, 10));
        a.RequestExtension(D(2025, 3, 25), "Chờ ý kiến bộ", Local(2025, 3, 5), FocalA);
        a.DecideExtension(true, Local(2025, 3, 6), Office);
        var r = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 20));
        Assert.Equal(AssignmentClass.InProgressWithinDeadline, Assert.Single(r.Rows).Class);
        Assert.Equal(1, r.Total.ApprovedExtensions);
        Assert.Equal(1, r.Total.AssignmentsExtended);
        var before = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 5, 12));
        Assert.Equal(0, before.Total.ApprovedExtensions);
    }

    [Fact]
    public void Missing_explanation_counts_overdue_and_late_without_an_explanation_by_T()
    {
        var overdue = Open(D(2025, 3, 10));
        overdue.Explain("Chờ kinh phí", Local(2025, 3, 15), FocalA);
        var late = Completed(D(2025, 3, 10), Local(2025, 3, 12));
        var r = AsOfStatistics.Compute([In(overdue), In(late)], March, Local(2025, 3, 14));
        Assert.Equal(2, r.Total.MissingExplanation);
        var r2 = AsOfStatistics.Compute([In(overdue), In(late)], March, Local(2025, 3, 16));
        Assert.Equal(late.Id, Assert.Single(r2.MissingExplanations()).Assignment.AssignmentId);
    }

    [Fact]
    public void Explanation_of_the_old_unit_does_not_cover_the_unit_holding_it_after_a_transfer()
    {
        var a = Open(D(2025, 3, 10));
        a.Explain("Không thuộc chức năng", Local(2025, 3, 12), FocalA);
        a.Transfer(UnitB, null, "Chuyển đúng đơn vị", Local(2025, 3, 13), Office);
        var r = AsOfStatistics.Compute([In(a)], March, Local(2025, 3, 14));
        Assert.True(Assert.Single(r.Rows).LacksExplanation);
    }

    [Fact]
    public void Groups_by_leader_field_nature_and_document()
    {
        var a = Open(D(2025, 3, 20));
        var b = Open(D(2025, 3, 21));
        var c = Open(D(2025, 3, 22));
        var inputs = new[]
        {
            In(a, document: Doc1, leader: Leader, field: Field1, nature: TaskNature.TrongTam),
            In(b, document: Doc1, leader: Leader2, field: null, nature: TaskNature.TrongTam),
            In(c, document: Doc2, leader: Leader2, field: Field1, nature: TaskNature.DotXuat),
        };
        var r = AsOfStatistics.Compute(inputs, March, Local(2025, 3, 15));
        Assert.Equal([2, 1], r.By(ReportDimension.Document).Select(g => g.Total));
        Assert.Equal(2, r.By(ReportDimension.DirectingLeader).Single(g => g.Key.AsGuid() == Leader2).Total);
        Assert.Equal(2, r.By(ReportDimension.Field).Single(g => g.Key.AsGuid() == Field1).Total);
        Assert.Equal(1, r.By(ReportDimension.Field).Single(g => g.Key.Value == "").Total);
        Assert.Equal(2, r.By(ReportDimension.Nature).Single(g => g.Key.AsEnum<TaskNature>() == TaskNature.TrongTam).Total);
        Assert.Equal(3, r.By(ReportDimension.Programme).Single().Total);
    }
}
