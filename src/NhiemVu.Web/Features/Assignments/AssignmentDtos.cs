using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>One row of a list or the inbox.</summary>
public sealed record AssignmentRow(
    Guid Id, Guid TaskId, Guid DocumentId, string DocumentNumber, string DocumentSummary, string TaskContent,
    Guid LeadUnitId, string LeadUnitName, AssignmentState State, DateOnly? OriginalDeadline, DateOnly? Deadline,
    AssignmentClass? Class, bool AwaitingConfirmation, bool DueSoon, bool Returned, int? WorkingDaysLeft, int? DaysOverdue,
    Guid DirectingLeaderId, string DirectingLeaderName, Guid? FieldId,
    DateTimeOffset AssignedAtUtc, DateTimeOffset? ReceivedAtUtc, DateTimeOffset? LastProgressAtUtc, string? LastProgressText, int? LastProgressPercent,
    Guid ConcurrencyStamp,
    // Time rules (issue 4): no progress for Notifications:StaleProgressDays (Domain.Time.StaleProgress), days since the last
    // progress note (or receipt, or assignment) while stale; a recurring task's period (scheduled date) and its name.
    bool Stale = false, int? DaysWithoutProgress = null, DateOnly? Period = null, string? PeriodLabel = null);

/// <summary>
/// A page of a list. <paramref name="TotalIsLowerBound"/>: the count stopped early (an assignment list —
/// a text search or not — with more rows than <c>Workflow:SearchCountLimit</c>): there are at least <paramref name="Total"/>
/// rows, and always at least one more page after this one when <c>Page &lt; Pages</c>.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound = false)
{
    public int Pages => PageSize <= 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Query string of /api/assignments and /assignments (kept in the URL).</summary>
public sealed class AssignmentQuery
{
    public Guid? UnitId { get; set; }
    public AssignmentState? State { get; set; }
    public AssignmentClass? Class { get; set; }
    /// <summary>Inbox buckets: NotReceived, Overdue, DueSoon, Returned, AwaitingReview, Stale (no progress for N days).</summary>
    public AssignmentFlag? Flag { get; set; }
    public DateOnly? DeadlineFrom { get; set; }
    public DateOnly? DeadlineTo { get; set; }
    public Guid? LeaderId { get; set; }
    public Guid? FieldId { get; set; }
    public Guid? DocumentId { get; set; }
    /// <summary>Category (tính chất): trọng tâm, thường xuyên, đột xuất.</summary>
    public Domain.Directives.TaskNature? Nature { get; set; }
    public string? Q { get; set; }
    public AssignmentSort Sort { get; set; }
    /// <summary>Only the assignments led by the user's own unit (the inbox).</summary>
    public bool Mine { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;
}

public enum AssignmentFlag { NotReceived, Overdue, DueSoon, Returned, AwaitingReview, Stale }

/// <summary>List order: nearest deadline first (default), latest deadline first, newest or oldest assignment first.</summary>
public enum AssignmentSort { DeadlineAsc, DeadlineDesc, AssignedNewest, AssignedOldest }

/// <summary>
/// The counts on top of a unit's inbox. Each is counted up to <c>Workflow:SearchCountLimit</c> + 1 (the lists' bound, so a
/// badge and the flag list it opens agree): exact below it; above it the count is the bound + 1 and its <c>…IsLowerBound</c>
/// is true ("at least that many": shown as "Hơn 1.000"), as a list's <c>total</c> and <c>totalIsLowerBound</c>.
/// </summary>
public sealed record InboxCounts(int NotReceived, int Overdue, int DueSoon, int Returned, int Stale = 0,
    bool NotReceivedIsLowerBound = false, bool OverdueIsLowerBound = false, bool DueSoonIsLowerBound = false,
    bool ReturnedIsLowerBound = false, bool StaleIsLowerBound = false)
{
    /// <summary>The counts read with LIMIT <paramref name="cap"/>: a count that reached the cap is a lower bound.</summary>
    public static InboxCounts Of(InboxTally t, int cap) => new(t.NotReceived, t.Overdue, t.DueSoon, t.Returned, t.Stale,
        t.NotReceived >= cap, t.Overdue >= cap, t.DueSoon >= cap, t.Returned >= cap, t.Stale >= cap);
}

public sealed record DocumentBrief(Guid Id, SourceKind Source, DirectiveKind? Kind, string NumberAndSymbol, string Summary, DateOnly IssueDate,
    string DirectingLeaderName, string? SignerName, Urgency Urgency, Secrecy Secrecy);

public sealed record TaskBrief(Guid Id, string Content, DateOnly? Deadline, TaskNature Nature, TaskProgramme Programme, int? ProgrammeQuarter,
    string? FieldName, string DirectingLeaderName, string? FollowUpSpecialistName, bool IsPublic, IReadOnlyList<UnitRef> CooperatingUnits,
    Recurrence Recurrence = Recurrence.None, int? RecurrenceDay = null, DateOnly? RecurrenceUntil = null, int? DeadlineWorkingDays = null,
    string? NoDeadlineReason = null);

public sealed record UnitRef(Guid Id, string Name);

public sealed record DeadlineChange(DateTimeOffset AtUtc, DateOnly? OldDeadline, DateOnly? NewDeadline, AssignmentEventKind Kind,
    bool CountsAsExtension, bool IsOverride, string? OverrideReason);

public sealed record TimelineItem(DateTimeOffset AtUtc, int? Sequence, string Kind, string Label, string ActorName, string? UnitName,
    string? Text, int? Percent, bool IsContribution);

public sealed record ReportView(Guid Id, string Name, string NumberAndSymbol, string Summary, DateOnly DocumentDate, string SignerName,
    DateTimeOffset SubmittedAtUtc, string SubmittedByName, AssignmentReportStatus Status, DateTimeOffset? DecidedAtUtc, string? ReviewReason);

public sealed record RequestView(Guid Id, AssignmentRequestKind Kind, AdjustmentKind? AdjustmentKind, string Reason, DateOnly? ProposedDeadline,
    DateTimeOffset RequestedAtUtc, string RequestedByName, AssignmentRequestStatus Status, DateTimeOffset? DecidedAtUtc, string? DecisionNote,
    DateOnly? ApprovedDeadline, bool IsOverride, string? OverrideReason);

/// <summary>Everything about one assignment, and what the current user may do now.</summary>
public sealed record AssignmentDetail(
    AssignmentRow Row, DocumentBrief Document, TaskBrief Task, int ApprovedExtensionCount, bool AwaitingReassignment,
    string? Explanation, DateTimeOffset? ExplainedAtUtc, int UrgeCount, Guid? PendingReportId,
    IReadOnlyList<DeadlineChange> DeadlineHistory, IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<ReportView> Reports, IReadOnlyList<RequestView> Requests, IReadOnlyList<AssignmentOperation> Actions)
{
    public bool Can(AssignmentOperation op) => Actions.Contains(op);
}

// ----------------------------------------------------------------- commands (each write carries the stamp it read)

public sealed record StampCommand(Guid? ConcurrencyStamp);
public sealed record ProgressCommand(string? Text, int? Percent, Guid? ConcurrencyStamp);
public sealed record ReportCommand(string? Name, string? NumberAndSymbol, string? Summary, DateOnly? DocumentDate, string? SignerName,
    string? IdempotencyKey, Guid? ConcurrencyStamp);
public sealed record ExtensionCommand(DateOnly? NewDeadline, string? Reason, Guid? ConcurrencyStamp);
public sealed record ReasonCommand(string? Reason, Guid? ConcurrencyStamp);
public sealed record TextCommand(string? Text, Guid? ConcurrencyStamp);
public sealed record AdjustmentCommand(AdjustmentKind Kind, string? Reason, DateOnly? ProposedDeadline, Guid? ConcurrencyStamp);
public sealed record ReviewCommand(bool Passed, string? Reason, Guid? ConcurrencyStamp);
public sealed record ExtensionDecisionCommand(bool Approve, string? Note, bool OfficeLeaderOverride, string? OverrideReason,
    DateOnly? ApprovedDeadline, Guid? ConcurrencyStamp);
public sealed record DecisionCommand(bool Approve, string? Note, bool OfficeLeaderOverride, string? OverrideReason, Guid? ConcurrencyStamp);
public sealed record UrgeCommand(string? Message, Guid? ConcurrencyStamp);
public sealed record TransferCommand(Guid? ToUnitId, DateOnly? NewDeadline, string? Reason, Guid? ConcurrencyStamp);
public sealed record ContributionCommand(string? Text, int? Percent);
