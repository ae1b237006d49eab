namespace NhiemVu.Data;

/// <summary>
/// Entry timeliness of a directive document (seed 002 art. 6.3b; seed 004 item 4), computed once, when
/// the document is entered, with the rule configured at that moment. Stored as columns so that a later
/// change of the setting (or of the working calendar) never rewrites how an entry was judged: the
/// report for last month keeps saying what it said. Written by <c>TimelinessInterceptor</c> in the same
/// transaction as the document (bookkeeping derived from an audited write, so not audited itself).
/// </summary>
public sealed class DocumentEntryRecord : INotAudited
{
    public Guid DocumentId { get; set; }
    /// <summary>Ngày ban hành (the moment the rule counts from; the form records no hour).</summary>
    public DateOnly IssueDate { get; set; }
    public DateTimeOffset EnteredAtUtc { get; set; }
    /// <summary>The specialist (or other account) who entered the document.</summary>
    public Guid EnteredByUserId { get; set; }
    public DateOnly EntryDeadline { get; set; }
    public bool InTime { get; set; }
    public int LateWorkingDays { get; set; }
    /// <summary>Which rule judged it, e.g. "SameDayCutoff 15:00", "WorkingDays 3", "ByUrgency HoaToc 0 15:00".</summary>
    public string Rule { get; set; } = "";
}

/// <summary>
/// Timeliness of one result report (báo cáo kết quả): its entry (seed 002 art. 7.5: the unit enters the
/// report into the software the day the report document is issued, the next working day after 15:00)
/// and its review by the office (art. 6.4: within the working day it arrives, the next working day if
/// it arrives after 15:00). Entry columns are fixed at submission; the review columns when the office
/// decides (or the unit withdraws the report, which then needs no review).
/// </summary>
public sealed class ReportTimelinessRecord : INotAudited
{
    public Guid ReportId { get; set; }
    public Guid AssignmentId { get; set; }
    /// <summary>The lead unit that submitted the report.</summary>
    public Guid UnitId { get; set; }
    /// <summary>The account that entered it (the unit's focal officer, or the unit's single account).</summary>
    public Guid EnteredByUserId { get; set; }
    /// <summary>Ngày ban hành of the unit's report document (the moment the entry rule counts from).</summary>
    public DateOnly DocumentDate { get; set; }
    /// <summary>When it was entered; a report posted by the unit is also received by the office at this moment.</summary>
    public DateTimeOffset EnteredAtUtc { get; set; }
    public DateOnly EntryDeadline { get; set; }
    public bool EntryInTime { get; set; }
    public int EntryLateWorkingDays { get; set; }
    public string EntryRule { get; set; } = "";

    /// <summary>When the report reached the office (the submission).</summary>
    public DateTimeOffset ReceivedAtUtc { get; set; }
    public DateOnly ReviewDeadline { get; set; }
    public DateTimeOffset? ReviewedAtUtc { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    /// <summary>Null until reviewed (and for a withdrawn report).</summary>
    public bool? ReviewInTime { get; set; }
    public int ReviewLateWorkingDays { get; set; }
    /// <summary>The unit withdrew it before the review: nothing to review.</summary>
    public DateTimeOffset? WithdrawnAtUtc { get; set; }
}
