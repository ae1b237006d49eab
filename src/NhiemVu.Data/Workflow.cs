namespace NhiemVu.Data;

/// <summary>
/// A cooperating unit's contribution (đơn vị phối hợp góp ý, cập nhật phần việc của mình) to an
/// assignment. Not a state change of the assignment, so it lives beside the aggregate's events.
/// Append-only.
/// </summary>
public sealed class AssignmentContribution
{
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid UnitId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string Text { get; set; } = "";
    public int? Percent { get; set; }
}

/// <summary>Names of the shadow columns the web layer maintains for lists and search.</summary>
public static class WorkflowColumns
{
    /// <summary>On DirectiveTask: document number, summary and task content, lower-case without diacritics.</summary>
    public const string SearchText = "SearchText";
    /// <summary>On Assignment: local date of the deciding report's submission (passed or pending), for class filters.</summary>
    public const string SubmittedLocalDate = "SubmittedLocalDate";
    /// <summary>On Assignment: <see cref="Domain.Assignments.ListClass"/> (null when cancelled).</summary>
    public const string ListClass = "ListClass";
    /// <summary>On Assignment: in progress and its last report was not passed.</summary>
    public const string Returned = "Returned";
    /// <summary>On Assignment: the deadline, or 9999-12-31 without one (the lists' sort key).</summary>
    public const string DueOrder = "DueOrder";
    /// <summary>On Assignment: copy of its task's field (tasks never change it), for list filters.</summary>
    public const string FieldId = "FieldId";
    /// <summary>On Assignment: copy of its task's directing leader, for list filters.</summary>
    public const string DirectingLeaderId = "DirectingLeaderId";
}

/// <summary>
/// One period of a recurring task that has been given out: the scheduler inserts this row in the
/// same transaction as the period's assignments, so with several app instances the second insert
/// fails on the (task, period) key and that instance writes nothing.
/// </summary>
public sealed class RecurrencePeriod : INotAudited
{
    public Guid TaskId { get; set; }
    /// <summary>The period's scheduled date (Domain.Time.RecurrenceSchedule).</summary>
    public DateOnly Period { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
}
