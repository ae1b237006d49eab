using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Domain.Reports;

/// <summary>Why an assignment's information is incomplete (seed 003: "không tổng hợp, báo cáo những
/// nhiệm vụ ... cập nhật chưa đầy đủ nội dung thông tin theo yêu cầu").</summary>
public enum IncompleteReason
{
    /// <summary>No deadline, and no reason recorded why (seed 000 item 2a: the document must set one).</summary>
    NoDeadlineWithoutReason = 0,
    /// <summary>The assigning document has no number and symbol, though it is a formal document other
    /// than a phiếu lấy ý kiến (seed 002 art. 6.3a).</summary>
    DocumentNumberMissing = 1,
    /// <summary>The result report that completes it (or awaits review) has no number and symbol (art. 7.5b).</summary>
    ReportNumberMissing = 2,
    /// <summary>The result report that completes it (or awaits review) has no signer (art. 7.5b).</summary>
    ReportSignerMissing = 3,
}

/// <summary>
/// The incomplete-information predicate. Evaluated as of the report's moment, so it too is stable
/// when later events are appended (report data is immutable once submitted). Missing progress notes
/// are deliberately <b>not</b> a reason: leaving out open assignments without notes would let a
/// unit hide an overdue task by not updating it.
/// </summary>
public static class IncompleteInformation
{
    public static IReadOnlyList<IncompleteReason> Reasons(ReportAssignment a, AssignmentClassification c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        var reasons = new List<IncompleteReason>();
        if (c.Class == AssignmentClass.NoDeadline && NoDeadlineReasonMissing(a.NoDeadlineReason))
            reasons.Add(IncompleteReason.NoDeadlineWithoutReason);
        if (DocumentNumberMissing(a.Source, a.DocumentKind, a.DocumentNumber))
            reasons.Add(IncompleteReason.DocumentNumberMissing);

        var decidingReportId = DecidingReportId(a.Events, c);
        if (decidingReportId is { } id)
        {
            var report = a.Reports?.FirstOrDefault(r => r.ReportId == id);
            if (report is null || string.IsNullOrWhiteSpace(report.NumberAndSymbol))
                reasons.Add(IncompleteReason.ReportNumberMissing);
            if (report is null || string.IsNullOrWhiteSpace(report.SignerName))
                reasons.Add(IncompleteReason.ReportSignerMissing);
        }
        return reasons;
    }

    /// <summary>No "lý do không có thời hạn" recorded (counts only while the assignment has no deadline).</summary>
    public static bool NoDeadlineReasonMissing(string? noDeadlineReason) => string.IsNullOrWhiteSpace(noDeadlineReason);

    /// <summary>A formal document other than a phiếu lấy ý kiến without its number and symbol (art. 6.3a).</summary>
    public static bool DocumentNumberMissing(SourceKind source, DirectiveKind? kind, string? number) =>
        source == SourceKind.Document && kind != DirectiveKind.PhieuLayYKien && string.IsNullOrWhiteSpace(number);

    /// <summary>The report that completed the assignment (or awaits review) as of the classification's moment.</summary>
    private static Guid? DecidingReportId(IReadOnlyList<AssignmentEvent> events, AssignmentClassification c)
    {
        var s = c.Snapshot;
        if (s.State == AssignmentState.AwaitingReview) return s.PendingReportId;
        if (s.State != AssignmentState.Completed) return null;
        // The last ReviewPassed within the replayed prefix.
        return events.Where(e => e.Sequence <= s.LastEventSequence && e.Kind == AssignmentEventKind.ReviewPassed)
            .OrderBy(e => e.Sequence).LastOrDefault()?.ReportId;
    }
}
