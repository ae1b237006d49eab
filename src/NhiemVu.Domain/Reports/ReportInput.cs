using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Domain.Reports;

/// <summary>
/// One assignment as the report sees it: its grouping keys (taken from its task and document, which
/// do not change with time) and its event timeline. Pure data — built from the database by the
/// caller, or from the aggregates with <see cref="From"/>. The unit is <b>not</b> a key here: it is
/// replayed from the events (the unit holding the assignment at the moment of the report).
/// </summary>
/// <param name="Reports">The result reports (number and signer), for the incomplete-information check.</param>
/// <param name="NoDeadlineReason">Why the task has no deadline (seed 000 item 2a asks every
/// assigning document to set one). Null or blank with no deadline: incomplete information.</param>
/// <param name="DocumentNumber">Số, ký hiệu of the assigning document (art. 6.3a); may be blank only
/// for a phiếu lấy ý kiến or a task without a formal document.</param>
public sealed record ReportAssignment(
    Guid AssignmentId,
    Guid TaskId,
    Guid DocumentId,
    Guid DirectingLeaderId,
    Guid? FieldId,
    TaskNature Nature,
    TaskProgramme Programme,
    IReadOnlyList<AssignmentEvent> Events,
    IReadOnlyList<ReportedResult>? Reports = null,
    string? NoDeadlineReason = null,
    SourceKind Source = SourceKind.Document,
    DirectiveKind? DocumentKind = null,
    string? DocumentNumber = null,
    IReadOnlyList<ReportEntry>? Entries = null)
{
    /// <summary>Builds the input from the aggregates (field: the task's, else the document's).</summary>
    public static ReportAssignment From(Assignment assignment, DirectiveTask task, DirectiveDocument document, string? noDeadlineReason = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(document);
        return new(assignment.Id, task.Id, document.Id, task.DirectingLeaderId, task.FieldId ?? document.FieldId,
            task.Nature, task.Programme, assignment.Events,
            assignment.Reports.Select(r => new ReportedResult(r.Id, r.NumberAndSymbol, r.SignerName)).ToList(),
            noDeadlineReason, document.Source, document.Kind, document.NumberAndSymbol);
    }
}

/// <summary>
/// How a result report's entry was judged when it was entered (seed 002 art. 7.5: the unit enters it the day
/// the report document is issued, the next working day after 15:00; or the configured rule). The outcome is
/// fixed at entry, so it is known at any moment after <paramref name="EnteredAtUtc"/>.
/// </summary>
public sealed record ReportEntry(Guid ReportId, Guid UnitId, DateTimeOffset EnteredAtUtc, bool InTime);

/// <summary>The parts of a result report (art. 7.5b) that the incomplete-information check needs.</summary>
public sealed record ReportedResult(Guid ReportId, string? NumberAndSymbol, string? SignerName);

/// <summary>The local dates (Asia/Ho_Chi_Minh) of a reporting period ("kỳ báo cáo"), both ends included.</summary>
public readonly record struct ReportPeriod
{
    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    public bool Contains(DateOnly d) => From <= d && d <= To;

    public static ReportPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
