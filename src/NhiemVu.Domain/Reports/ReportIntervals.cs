using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Reports;

/// <summary>
/// What the as-of reports need to know about an assignment during one stretch of time in which none of it
/// changes: <c>[ValidFromUtc, ValidToUtc)</c>. <see cref="ReportIntervals.Of"/> cuts an assignment's history
/// into such stretches, so that "the figures as of T" become "the rows valid at T", one per assignment,
/// which a database can count with one <c>GROUP BY</c> instead of replaying every history per request.
/// Only the stretches in which the assignment is counted (it exists and is not cancelled) are kept.
/// Dates are day numbers (<see cref="DateOnly.DayNumber"/>) of local dates, so both databases can subtract them.
/// </summary>
/// <param name="Index">0, 1, 2 … in time order (the row's key with the assignment; appending events changes only the last rows).</param>
/// <param name="ValidToUtc">The start of the next stretch or of a cancellation; null while it is the current one.</param>
/// <param name="UnitId">The unit holding the assignment.</param>
/// <param name="AssignedDay">Local date of the Assigned event.</param>
/// <param name="DeadlineDay">The deadline after extensions and transfers made by then; null: no deadline.</param>
/// <param name="BaseClass">The class without the moment: the completed classes and no-deadline are fixed;
/// <see cref="ListClass.Open"/> becomes within deadline or overdue by the moment's local date (<see cref="ClassAt"/>).</param>
/// <param name="SubmittedDay">Local date of the deciding report's submission (passed, or awaiting review).</param>
/// <param name="Awaiting">A report awaits review ("chờ xác nhận").</param>
/// <param name="Explained">A giải trình was given, after the last transfer.</param>
/// <param name="ReportNumberMissing">The deciding report has no number and symbol (art. 7.5b).</param>
/// <param name="ReportSignerMissing">The deciding report has no signer (art. 7.5b).</param>
/// <param name="ReportsEntered">Result reports the holding unit had entered (every submission, returned ones too).</param>
/// <param name="ReportsEnteredInTime">Of those, entered in time (as judged at entry).</param>
public sealed record ReportInterval(
    int Index,
    DateTimeOffset ValidFromUtc,
    DateTimeOffset? ValidToUtc,
    Guid UnitId,
    int AssignedDay,
    int? DeadlineDay,
    ListClass BaseClass,
    int? SubmittedDay,
    bool Awaiting,
    int ApprovedExtensions,
    bool Explained,
    bool ReportNumberMissing,
    bool ReportSignerMissing,
    int ReportsEntered,
    int ReportsEnteredInTime)
{
    /// <summary>The stored end of the current stretch (a far-future instant, so "valid at T" is one range on both databases).</summary>
    public static readonly DateTimeOffset Open = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public bool IsValidAt(DateTimeOffset t) => ValidFromUtc <= t && (ValidToUtc is not { } to || t < to);

    /// <summary>The class as of a moment whose local date has day number <paramref name="asOfDay"/>.</summary>
    public AssignmentClass ClassAt(int asOfDay) => BaseClass switch
    {
        ListClass.Open => DeadlineDay < asOfDay ? AssignmentClass.InProgressOverdue : AssignmentClass.InProgressWithinDeadline,
        ListClass.NoDeadline => AssignmentClass.NoDeadline,
        _ => (AssignmentClass)(int)BaseClass,
    };

    /// <summary>Quá hạn N ngày as the reports count it: overdue, days from the deadline day to the moment's date;
    /// completed late, to the report's submission date; else 0.</summary>
    public int DaysOverdueAt(int asOfDay) => ClassAt(asOfDay) switch
    {
        AssignmentClass.InProgressOverdue => asOfDay - DeadlineDay!.Value,
        AssignmentClass.CompletedLate => SubmittedDay!.Value - DeadlineDay!.Value,
        _ => 0,
    };

    /// <summary>Same figures as <paramref name="other"/> (the validity aside): consecutive equal stretches are merged.</summary>
    public bool SameFigures(ReportInterval other) =>
        this with { Index = 0, ValidFromUtc = default, ValidToUtc = null } == other with { Index = 0, ValidFromUtc = default, ValidToUtc = null };
}

/// <summary>
/// What the reports group and filter by that does not change with time: taken from the assignment's task and document
/// and stored on each of its intervals, so a report reads one table. A document's correction (number, secrecy, field)
/// is written to its intervals in the same save.
/// </summary>
/// <param name="FieldId">The task's field, else the document's.</param>
/// <param name="Secret">The document is secret (độ mật): left out where only ordinary documents may be counted.</param>
/// <param name="NoDeadlineReasonMissing">The task records no reason for having no deadline (incomplete while it has none).</param>
/// <param name="DocumentNumberMissing">The document lacks its number and symbol (always incomplete).</param>
public sealed record ReportIntervalKeys(
    Guid TaskId, Guid DocumentId, Guid DirectingLeaderId, Guid? FieldId, Directives.TaskNature Nature, Directives.TaskProgramme Programme,
    bool Secret, bool NoDeadlineReasonMissing, bool DocumentNumberMissing)
{
    public static ReportIntervalKeys Of(Directives.DirectiveTask task, Directives.DirectiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(document);
        return new(task.Id, document.Id, task.DirectingLeaderId, task.FieldId ?? document.FieldId, task.Nature, task.Programme,
            document.Secrecy != Directives.Secrecy.Thuong, IncompleteInformation.NoDeadlineReasonMissing(task.NoDeadlineReason),
            IncompleteInformation.DocumentNumberMissing(document.Source, document.Kind, document.NumberAndSymbol));
    }
}

/// <summary>Cuts an assignment's history into <see cref="ReportInterval"/>s (pure; the one computation the
/// application's writer and the bench generator share, checked against <see cref="AsOfStatistics"/>).</summary>
public static class ReportIntervals
{
    /// <param name="events">All the assignment's events.</param>
    /// <param name="reports">Its result reports (for the number and signer of the deciding one).</param>
    /// <param name="entries">How each result report's entry was judged (reports without one are not counted as entered).</param>
    public static IReadOnlyList<ReportInterval> Of(
        IEnumerable<AssignmentEvent> events, IEnumerable<ReportedResult>? reports = null, IEnumerable<ReportEntry>? entries = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var result = new List<ReportInterval>();
        if (ordered.Count == 0) return result;
        var reportById = (reports ?? []).GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.First());
        var entryList = (entries ?? []).OrderBy(e => e.EnteredAtUtc).ToList();

        // The moments at which something may change: every event's and every entry's.
        var moments = ordered.Select(e => e.AtUtc).Concat(entryList.Select(e => e.EnteredAtUtc)).Distinct().Order().ToList();
        var assignedDay = ProvinceTime.LocalDate(ordered[0].AtUtc).DayNumber;

        var s = AssignmentSnapshot.NotYetAssigned;
        var next = 0; // next event to apply
        var explained = false;
        Guid? lastPassedReport = null;
        ReportInterval? open = null;
        foreach (var t in moments)
        {
            while (next < ordered.Count && ordered[next].AtUtc <= t)
            {
                var e = ordered[next++];
                s = AssignmentReplay.Apply(s, e);
                if (e.Kind == AssignmentEventKind.Transferred) explained = false;
                else if (e.Kind == AssignmentEventKind.ExplanationGiven) explained = true;
                else if (e.Kind == AssignmentEventKind.ReviewPassed) lastPassedReport = e.ReportId;
            }
            ReportInterval? row = null;
            if (s.Exists && s.State != AssignmentState.Cancelled)
            {
                var c = Classifier.Classify(s, t);
                Guid? deciding = s.State switch
                {
                    AssignmentState.AwaitingReview => s.PendingReportId,
                    AssignmentState.Completed => lastPassedReport,
                    _ => null,
                };
                ReportedResult? report = deciding is { } id ? reportById.GetValueOrDefault(id) : null;
                int entered = 0, inTime = 0;
                foreach (var en in entryList)
                {
                    if (en.EnteredAtUtc > t) break;
                    if (en.UnitId != s.LeadUnitId) continue;
                    entered++;
                    if (en.InTime) inTime++;
                }
                var submitted = c.DecidingSubmissionAtUtc is { } at ? ProvinceTime.LocalDate(at).DayNumber : (int?)null;
                var baseClass = c.Deadline is not { } d ? ListClass.NoDeadline
                    : submitted is { } sd ? (ListClass)Classifier.CompletionClass(DateOnly.FromDayNumber(sd), d)
                    : ListClass.Open;
                row = new ReportInterval(result.Count + (open is null ? 0 : 1), t, null, s.LeadUnitId, assignedDay, c.Deadline?.DayNumber, baseClass, submitted,
                    c.AwaitingConfirmation, s.ApprovedExtensionCount, explained,
                    deciding is not null && string.IsNullOrWhiteSpace(report?.NumberAndSymbol),
                    deciding is not null && string.IsNullOrWhiteSpace(report?.SignerName),
                    entered, inTime);
            }
            if (open is not null && row is not null && open.SameFigures(row)) continue;
            if (open is not null)
            {
                result.Add(open with { ValidToUtc = t });
                open = null;
            }
            open = row;
        }
        if (open is not null) result.Add(open);
        return result;
    }

    /// <summary>The stretch valid at <paramref name="t"/>, if the assignment is counted then.</summary>
    public static ReportInterval? At(IEnumerable<ReportInterval> intervals, DateTimeOffset t) =>
        intervals.FirstOrDefault(i => i.IsValidAt(t));
}
