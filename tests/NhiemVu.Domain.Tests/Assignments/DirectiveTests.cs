using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Assignments;

public class DirectiveTests
{
    private static readonly DateTimeOffset Now = Local(2025, 2, 24, 10);

    [Fact]
    public void Number_and_symbol_may_be_empty_only_for_phieu_lay_y_kien_and_sources_without_a_document()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            DirectiveDocument.Create(DocumentData(kind: DirectiveKind.CongVan, number: "  "), Now, Specialist));
        Assert.Equal(nameof(DirectiveDocument.NumberAndSymbol), ex.Field);

        var phieu = DirectiveDocument.Create(DocumentData(kind: DirectiveKind.PhieuLayYKien, number: null), Now, Specialist);
        Assert.Equal("", phieu.NumberAndSymbol);

        var butPhe = DirectiveDocument.Create(DocumentData(kind: null, number: null, source: SourceKind.ButPhe), Now, Specialist);
        Assert.Equal(SourceKind.ButPhe, butPhe.Source);
        Assert.Null(butPhe.Kind);
        var verbal = DirectiveDocument.Create(DocumentData(kind: null, number: "", source: SourceKind.ChiDaoTrucTiep), Now, Specialist);
        Assert.Equal("", verbal.NumberAndSymbol);
    }

    [Fact]
    public void Summary_trich_yeu_is_required()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            DirectiveDocument.Create(DocumentData() with { Summary = " " }, Now, Specialist));
        Assert.Equal(nameof(DirectiveDocument.Summary), ex.Field);
    }

    [Fact]
    public void Issue_date_cannot_be_after_the_local_day_of_entry()
    {
        // 24 Feb 2025 23:30 local is still 24 Feb in the province (16:30 UTC).
        var lateEvening = Local(2025, 2, 24, 23, 30);
        Assert.Equal(D(2025, 2, 24), DirectiveDocument.Create(DocumentData(), lateEvening, Specialist).IssueDate);
        var ex = Assert.Throws<DomainValidationException>(() =>
            DirectiveDocument.Create(DocumentData() with { IssueDate = D(2025, 2, 25) }, lateEvening, Specialist));
        Assert.Equal(nameof(DirectiveDocument.IssueDate), ex.Field);
    }

    [Fact]
    public void A_document_needs_its_kind_signer_and_drafting_specialist_a_source_without_document_has_no_kind()
    {
        Assert.Throws<DomainValidationException>(() => DirectiveDocument.Create(DocumentData(kind: null), Now, Specialist));
        Assert.Throws<DomainValidationException>(() => DirectiveDocument.Create(DocumentData() with { SignerName = null }, Now, Specialist));
        Assert.Throws<DomainValidationException>(() => DirectiveDocument.Create(DocumentData() with { DraftingSpecialistId = null }, Now, Specialist));
        Assert.Throws<DomainValidationException>(() =>
            DirectiveDocument.Create(DocumentData(kind: DirectiveKind.ChiThi, source: SourceKind.ButPhe), Now, Specialist));
    }

    [Fact]
    public void Document_records_when_and_by_whom_it_was_entered_and_edits_renew_the_concurrency_stamp()
    {
        var doc = DirectiveDocument.Create(DocumentData(), Now, Specialist);
        Assert.Equal(Now, doc.EnteredAtUtc);
        Assert.Equal(Specialist, doc.EnteredByUserId);
        Assert.NotEqual(Guid.Empty, doc.Id);
        var stamp = doc.ConcurrencyStamp;
        doc.Update(DocumentData(secrecy: Secrecy.Mat), Now.AddHours(1), Specialist);
        Assert.NotEqual(stamp, doc.ConcurrencyStamp);
        Assert.True(doc.IsSecret);
    }

    [Theory]
    [InlineData(Secrecy.Mat)]
    [InlineData(Secrecy.ToiMat)]
    [InlineData(Secrecy.TuyetMat)]
    public void Secret_document_tasks_are_never_public(Secrecy secrecy)
    {
        var doc = Document(secrecy);
        var created = DirectiveTask.Create(doc, new NewTaskData("Rà soát", [UnitA], D(2025, 3, 31), IsPublic: true), Now, Office);
        Assert.False(created.Task.IsPublic);
        created.Task.SetPublic(true, doc);
        Assert.False(created.Task.IsPublic);

        var open = Document();
        var publicTask = DirectiveTask.Create(open, new NewTaskData("Rà soát", [UnitA], D(2025, 3, 31), IsPublic: true), Now, Office);
        Assert.True(publicTask.Task.IsPublic);
    }

    [Fact]
    public void A_task_creates_one_assignment_per_lead_unit()
    {
        var doc = Document();
        var created = DirectiveTask.Create(doc,
            new NewTaskData("Tất cả UBND xã rà soát", [UnitA, UnitB, UnitC], D(2025, 3, 31), TaskNature.TrongTam,
                CooperatingUnitIds: [OfficeUnit]), Now, Office);
        Assert.Equal(3, created.Assignments.Count);
        Assert.Equal([UnitA, UnitB, UnitC], created.Assignments.Select(a => a.LeadUnitId));
        Assert.All(created.Assignments, a =>
        {
            Assert.Equal(created.Task.Id, a.TaskId);
            Assert.Equal(AssignmentState.Assigned, a.State);
            Assert.Equal(D(2025, 3, 31), a.Deadline);
            Assert.Equal(D(2025, 3, 31), a.OriginalDeadline);
            Assert.Equal(AssignmentEventKind.Assigned, Assert.Single(a.Events).Kind);
        });
        Assert.Equal(doc.Id, created.Task.DocumentId);
        Assert.Equal(OfficeUnit, Assert.Single(created.Task.CooperatingUnits).UnitId);
        Assert.Equal(doc.DirectingLeaderId, created.Task.DirectingLeaderId);
    }

    [Fact]
    public void Lead_units_are_required_and_distinct_and_cooperating_units_are_not_also_lead()
    {
        var doc = Document();
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData("X", [], null), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData("X", [UnitA, UnitA], null), Now, Office));
        Assert.Throws<DomainValidationException>(() =>
            DirectiveTask.Create(doc, new NewTaskData("X", [UnitA], null, CooperatingUnitIds: [UnitA]), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc, new NewTaskData(" ", [UnitA], null), Now, Office));
    }

    [Fact]
    public void Task_without_deadline_is_recorded_with_assignments_that_have_no_deadline()
    {
        var created = DirectiveTask.Create(Document(), new NewTaskData("Theo dõi", [UnitA], null, NoDeadlineReason: "  Nhiệm vụ thường xuyên, theo dõi cả năm "), Now, Office);
        Assert.False(created.Task.HasDeadline);
        Assert.Equal("Nhiệm vụ thường xuyên, theo dõi cả năm", created.Task.NoDeadlineReason);
        Assert.Null(Assert.Single(created.Assignments).Deadline);
    }

    [Fact]
    public void Task_without_deadline_needs_a_reason_for_having_none()
    {
        foreach (var reason in new string?[] { null, "", "   " })
        {
            var e = Assert.Throws<DomainValidationException>(() =>
                DirectiveTask.Create(Document(), new NewTaskData("Theo dõi", [UnitA], null, NoDeadlineReason: reason), Now, Office));
            Assert.Equal("NoDeadlineReason", e.Field);
        }
        Assert.Equal("NoDeadlineReason", Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(Document(),
            new NewTaskData("Theo dõi", [UnitA], null, NoDeadlineReason: new string('x', DirectiveTask.MaxNoDeadlineReasonLength + 1)), Now, Office)).Field);
        // With a deadline there is nothing to explain: a reason typed by mistake is not kept.
        var withDeadline = DirectiveTask.Create(Document(), new NewTaskData("Rà soát", [UnitA], D(2025, 3, 31), NoDeadlineReason: "thừa"), Now, Office);
        Assert.Null(withDeadline.Task.NoDeadlineReason);
    }

    [Fact]
    public void Deadline_cannot_be_before_the_document_issue_date()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            DirectiveTask.Create(Document(), new NewTaskData("X", [UnitA], D(2025, 2, 23)), Now, Office));
        Assert.Equal(nameof(DirectiveTask.Deadline), ex.Field);
    }

    [Fact]
    public void Annual_work_programme_task_needs_its_quarter_and_no_programme_has_none()
    {
        var doc = Document();
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("X", [UnitA], D(2025, 3, 31), Programme: TaskProgramme.AnnualWorkProgramme), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("X", [UnitA], D(2025, 3, 31), Programme: TaskProgramme.AnnualWorkProgramme, ProgrammeQuarter: 5), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("X", [UnitA], D(2025, 3, 31), ProgrammeQuarter: 1), Now, Office));
        var ok = DirectiveTask.Create(doc,
            new NewTaskData("X", [UnitA], D(2025, 3, 31), TaskNature.TrongTam, Programme: TaskProgramme.AnnualWorkProgramme, ProgrammeQuarter: 1), Now, Office);
        Assert.Equal(1, ok.Task.ProgrammeQuarter);
    }

    [Fact]
    public void Recurring_task_needs_a_day_of_month_and_yields_one_deadline_per_period()
    {
        var doc = Document();
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo tháng", [UnitA], D(2025, 3, 20), Recurrence: Recurrence.Monthly), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo tháng", [UnitA], null, Recurrence: Recurrence.Monthly, RecurrenceDay: 20), Now, Office));
        Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo tháng", [UnitA], D(2025, 3, 19), Recurrence: Recurrence.Monthly, RecurrenceDay: 20), Now, Office));

        var monthly = DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo tháng", [UnitA], D(2025, 3, 20), Recurrence: Recurrence.Monthly, RecurrenceDay: 20), Now, Office).Task;
        Assert.Equal(D(2025, 4, 20), monthly.NextPeriodDeadline(D(2025, 3, 20)));

        var endOfMonth = DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo cuối tháng", [UnitA], D(2025, 3, 31), Recurrence: Recurrence.Monthly, RecurrenceDay: 31), Now, Office).Task;
        Assert.Equal(D(2025, 4, 30), endOfMonth.NextPeriodDeadline(D(2025, 3, 31)));
        Assert.Equal(D(2025, 5, 31), endOfMonth.NextPeriodDeadline(D(2025, 4, 30)));

        var quarterly = DirectiveTask.Create(doc,
            new NewTaskData("Báo cáo quý", [UnitA], D(2025, 3, 15), Recurrence: Recurrence.Quarterly, RecurrenceDay: 15), Now, Office).Task;
        Assert.Equal(D(2025, 6, 15), quarterly.NextPeriodDeadline(D(2025, 3, 15)));

        var once = DirectiveTask.Create(doc, new NewTaskData("X", [UnitA], D(2025, 3, 15)), Now, Office).Task;
        Assert.Equal("task.not_recurring", Assert.Throws<DomainException>(() => once.NextPeriodDeadline(D(2025, 3, 15))).Code);
    }
}
