using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Time;

namespace NhiemVu.Domain.Directives;

/// <summary>
/// Nhiệm vụ — one piece of work in a directive document. The lead units are not stored here:
/// each lead unit gets its own <see cref="Assignment"/>, and an assignment may later be
/// transferred, so the assignments are the one truth about who leads.
/// </summary>
public sealed class DirectiveTask
{
    public const int MaxContentLength = 4000;
    public const int MaxNoDeadlineReasonLength = 500;

    private readonly List<TaskCooperatingUnit> _cooperatingUnits = [];

    private DirectiveTask() { }

    public Guid Id { get; private set; }
    public Guid DocumentId { get; private set; }
    public string Content { get; private set; } = "";
    /// <summary>Đơn vị phối hợp.</summary>
    public IReadOnlyList<TaskCooperatingUnit> CooperatingUnits => _cooperatingUnits;
    /// <summary>Thời hạn (local date). Null: no deadline — recorded, never counted for timeliness (seed 002, art. 3.3).
    /// For a recurring task: the first period's deadline.</summary>
    public DateOnly? Deadline { get; private set; }
    /// <summary>Lý do không có thời hạn: required when <see cref="Deadline"/> is null, null otherwise. Seed 002 art. 3.3 says
    /// a task without a deadline is not entered at all; the system records it only as an explained exception.</summary>
    public string? NoDeadlineReason { get; private set; }
    public TaskNature Nature { get; private set; }
    public TaskProgramme Programme { get; private set; }
    /// <summary>Quarter 1–4 of the programme; required for the annual work programme.</summary>
    public int? ProgrammeQuarter { get; private set; }
    public Guid? FieldId { get; private set; }
    public Guid DirectingLeaderId { get; private set; }
    /// <summary>Chuyên viên theo dõi.</summary>
    public Guid? FollowUpSpecialistId { get; private set; }
    /// <summary>Shown on the public portal. Always false when the document is secret.</summary>
    public bool IsPublic { get; private set; }
    public Recurrence Recurrence { get; private set; }
    /// <summary>Day of month (1–31) on which each period's deadline falls; clamped to short months.</summary>
    public int? RecurrenceDay { get; private set; }
    /// <summary>Last day a period may be scheduled on (null: recurs until the office stops it).</summary>
    public DateOnly? RecurrenceUntil { get; private set; }
    /// <summary>Set when the deadline was entered as "N ngày làm việc kể từ ngày ban hành" (<see cref="DeadlineFromIssue"/>).</summary>
    public int? DeadlineWorkingDays { get; private set; }
    public DateTimeOffset CreatedAtUtc { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public bool HasDeadline => Deadline is not null;

    /// <summary>
    /// Validates and creates a task of <paramref name="document"/> with one assignment per lead unit.
    /// <paramref name="actor"/> is the office specialist entering it.
    /// </summary>
    public static TaskCreation Create(DirectiveDocument document, NewTaskData data, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(data);
        if (actor.UserId == Guid.Empty)
            throw new DomainValidationException(nameof(CreatedByUserId), "Thiếu người nhập nhiệm vụ.");

        var content = (data.Content ?? "").Trim();
        if (content.Length == 0)
            throw new DomainValidationException(nameof(Content), "Phải nhập nội dung nhiệm vụ.");
        if (content.Length > MaxContentLength)
            throw new DomainValidationException(nameof(Content), $"Nội dung nhiệm vụ không được dài quá {MaxContentLength} ký tự.");

        var leads = (data.LeadUnitIds ?? []).ToList();
        if (leads.Count == 0)
            throw new DomainValidationException("LeadUnitIds", "Phải chọn ít nhất một đơn vị chủ trì.");
        if (leads.Any(u => u == Guid.Empty))
            throw new DomainValidationException("LeadUnitIds", "Đơn vị chủ trì không hợp lệ.");
        if (leads.Distinct().Count() != leads.Count)
            throw new DomainValidationException("LeadUnitIds", "Một đơn vị được chọn làm chủ trì nhiều lần.");

        var cooperating = (data.CooperatingUnitIds ?? []).ToList();
        if (cooperating.Any(u => u == Guid.Empty))
            throw new DomainValidationException("CooperatingUnitIds", "Đơn vị phối hợp không hợp lệ.");
        if (cooperating.Distinct().Count() != cooperating.Count)
            throw new DomainValidationException("CooperatingUnitIds", "Một đơn vị được chọn làm phối hợp nhiều lần.");
        if (cooperating.Intersect(leads).Any())
            throw new DomainValidationException("CooperatingUnitIds", "Một đơn vị không thể vừa chủ trì vừa phối hợp.");

        if (data.Deadline is { } deadline && deadline < document.IssueDate)
            throw new DomainValidationException(nameof(Deadline), "Thời hạn không được trước ngày ban hành văn bản.");

        if (!Enum.IsDefined(data.Nature))
            throw new DomainValidationException(nameof(Nature), "Tính chất nhiệm vụ không hợp lệ.");
        if (!Enum.IsDefined(data.Programme))
            throw new DomainValidationException(nameof(Programme), "Chương trình không hợp lệ.");
        if (data.ProgrammeQuarter is { } q && q is < 1 or > 4)
            throw new DomainValidationException(nameof(ProgrammeQuarter), "Quý phải từ 1 đến 4.");
        if (data.Programme == TaskProgramme.None && data.ProgrammeQuarter is not null)
            throw new DomainValidationException(nameof(ProgrammeQuarter), "Nhiệm vụ không thuộc chương trình thì không có quý.");
        if (data.Programme == TaskProgramme.AnnualWorkProgramme && data.ProgrammeQuarter is null)
            throw new DomainValidationException(nameof(ProgrammeQuarter), "Nhiệm vụ thuộc Chương trình công tác năm phải ghi rõ quý.");

        if (!Enum.IsDefined(data.Recurrence))
            throw new DomainValidationException(nameof(Recurrence), "Chu kỳ lặp không hợp lệ.");
        int? recurrenceDay = null;
        if (data.Recurrence != Recurrence.None)
        {
            if (data.RecurrenceDay is not { } day || day is < 1 or > 31)
                throw new DomainValidationException(nameof(RecurrenceDay), "Nhiệm vụ định kỳ phải có ngày trong tháng (1–31).");
            if (data.Deadline is not { } first)
                throw new DomainValidationException(nameof(Deadline), "Nhiệm vụ định kỳ phải có thời hạn của kỳ đầu tiên.");
            if (first.Day != Math.Min(day, DateTime.DaysInMonth(first.Year, first.Month)))
                throw new DomainValidationException(nameof(Deadline), "Thời hạn kỳ đầu phải rơi vào ngày lặp lại trong tháng.");
            recurrenceDay = day;
        }
        else if (data.RecurrenceDay is not null)
            throw new DomainValidationException(nameof(RecurrenceDay), "Nhiệm vụ không định kỳ thì không có ngày lặp lại.");
        if (data.RecurrenceUntil is { } until)
        {
            if (data.Recurrence == Recurrence.None)
                throw new DomainValidationException(nameof(RecurrenceUntil), "Nhiệm vụ không định kỳ thì không có ngày kết thúc lặp lại.");
            if (data.Deadline is { } firstDeadline && until < firstDeadline)
                throw new DomainValidationException(nameof(RecurrenceUntil), "Ngày kết thúc lặp lại không được trước thời hạn kỳ đầu.");
        }
        if (data.DeadlineWorkingDays is { } wd)
        {
            if (wd is < 1 or > DeadlineFromIssue.MaxWorkingDays)
                throw new DomainValidationException(nameof(DeadlineWorkingDays), $"Số ngày làm việc phải từ 1 đến {DeadlineFromIssue.MaxWorkingDays}.");
            if (data.Deadline is null)
                throw new DomainValidationException(nameof(Deadline), "Thiếu thời hạn tính từ số ngày làm việc.");
            if (data.Recurrence != Recurrence.None)
                throw new DomainValidationException(nameof(DeadlineWorkingDays), "Nhiệm vụ định kỳ có thời hạn theo ngày trong tháng, không tính theo số ngày làm việc.");
        }

        // Seed 002 art. 3.3: a task without a deadline is not tracked; recorded here only with the reason why.
        string? noDeadlineReason = null;
        if (data.Deadline is null)
        {
            noDeadlineReason = (data.NoDeadlineReason ?? "").Trim();
            if (noDeadlineReason.Length == 0)
                throw new DomainValidationException(nameof(NoDeadlineReason), "Nhiệm vụ không có thời hạn phải ghi lý do không có thời hạn.");
            if (noDeadlineReason.Length > MaxNoDeadlineReasonLength)
                throw new DomainValidationException(nameof(NoDeadlineReason), $"Lý do không có thời hạn không được dài quá {MaxNoDeadlineReasonLength} ký tự.");
        }

        var directingLeader = data.DirectingLeaderId is { } l && l != Guid.Empty ? l : document.DirectingLeaderId;

        var task = new DirectiveTask
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            Content = content,
            Deadline = data.Deadline,
            NoDeadlineReason = noDeadlineReason,
            Nature = data.Nature,
            Programme = data.Programme,
            ProgrammeQuarter = data.ProgrammeQuarter,
            FieldId = data.FieldId is { } f && f != Guid.Empty ? f : document.FieldId,
            DirectingLeaderId = directingLeader,
            FollowUpSpecialistId = data.FollowUpSpecialistId == Guid.Empty ? null : data.FollowUpSpecialistId,
            IsPublic = data.IsPublic && !document.IsSecret,
            Recurrence = data.Recurrence,
            RecurrenceDay = recurrenceDay,
            RecurrenceUntil = data.RecurrenceUntil,
            DeadlineWorkingDays = data.DeadlineWorkingDays,
            CreatedAtUtc = now.ToUniversalTime(),
            CreatedByUserId = actor.UserId,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        foreach (var unit in cooperating)
            task._cooperatingUnits.Add(new TaskCooperatingUnit(task.Id, unit, now));

        var period = task.Recurrence == Recurrence.None ? null : task.Deadline;
        var assignments = leads.Select(unit => Assignment.Create(task.Id, unit, task.Deadline, now, actor, period)).ToList();
        return new TaskCreation(task, assignments);
    }

    /// <summary>Marks the task public or not; a task of a secret document stays non-public whatever is asked.</summary>
    public void SetPublic(bool isPublic, DirectiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Id != DocumentId)
            throw new ArgumentException("Văn bản không phải của nhiệm vụ này.", nameof(document));
        IsPublic = isPublic && !document.IsSecret;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>For a recurring task, the scheduled date of the period after the one scheduled on <paramref name="previous"/>.</summary>
    public DateOnly NextPeriodDeadline(DateOnly previous)
    {
        if (Recurrence == Recurrence.None || RecurrenceDay is not { } day)
            throw new DomainException("task.not_recurring", "Nhiệm vụ này không định kỳ.");
        return RecurrenceSchedule.Next(Recurrence, day, previous);
    }

    /// <summary>The periods after <paramref name="latest"/> whose assignments are due by <paramref name="today"/>,
    /// up to <see cref="RecurrenceUntil"/> (see <see cref="RecurrenceSchedule"/>).</summary>
    public IReadOnlyList<DateOnly> DuePeriods(DateOnly latest, DateOnly today)
    {
        if (Recurrence == Recurrence.None || RecurrenceDay is not { } day)
            throw new DomainException("task.not_recurring", "Nhiệm vụ này không định kỳ.");
        return RecurrenceSchedule.DuePeriods(Recurrence, day, latest, today, RecurrenceUntil);
    }
}

/// <summary>A cooperating unit (đơn vị phối hợp) of a task.</summary>
public sealed class TaskCooperatingUnit
{
    private TaskCooperatingUnit() { }

    internal TaskCooperatingUnit(Guid taskId, Guid unitId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DirectiveTaskId = taskId;
        UnitId = unitId;
    }

    public Guid Id { get; private set; }
    /// <summary>Named for EF Core's foreign-key convention (principal type + key).</summary>
    public Guid DirectiveTaskId { get; private set; }
    public Guid UnitId { get; private set; }
}

/// <summary>What the office enters for a task. Null leader/field default to the document's.</summary>
public sealed record NewTaskData(
    string Content,
    IReadOnlyList<Guid> LeadUnitIds,
    DateOnly? Deadline,
    TaskNature Nature = TaskNature.ThuongXuyen,
    IReadOnlyList<Guid>? CooperatingUnitIds = null,
    TaskProgramme Programme = TaskProgramme.None,
    int? ProgrammeQuarter = null,
    Guid? FieldId = null,
    Guid? DirectingLeaderId = null,
    Guid? FollowUpSpecialistId = null,
    bool IsPublic = false,
    Recurrence Recurrence = Recurrence.None,
    int? RecurrenceDay = null,
    DateOnly? RecurrenceUntil = null,
    int? DeadlineWorkingDays = null,
    string? NoDeadlineReason = null);

/// <summary>A new task and its assignments, one per lead unit.</summary>
public sealed record TaskCreation(DirectiveTask Task, IReadOnlyList<Assignment> Assignments);
