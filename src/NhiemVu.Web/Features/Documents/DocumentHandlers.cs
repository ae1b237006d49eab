using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Documents;

/// <summary>"All commune People's Committees" / "all departments": one task, one assignment per active unit of the group.</summary>
public enum LeadGroup { None, AllCommunes, AllDepartments }

public sealed record NewTaskCommand(
    string? Content, List<Guid>? LeadUnitIds, LeadGroup LeadGroup, List<Guid>? CooperatingUnitIds, DateOnly? Deadline,
    TaskNature Nature = TaskNature.ThuongXuyen, TaskProgramme Programme = TaskProgramme.None, int? ProgrammeQuarter = null,
    Guid? FieldId = null, Guid? DirectingLeaderId = null, Guid? FollowUpSpecialistId = null, bool IsPublic = false,
    // Instead of Deadline: N working days counted from the document's issue date (the issue day not counted).
    int? DeadlineWorkingDays = null,
    // A recurring task: Deadline is the first period's; each later period falls on RecurrenceDay, until RecurrenceUntil if given.
    Recurrence Recurrence = Recurrence.None, int? RecurrenceDay = null, DateOnly? RecurrenceUntil = null,
    // Lý do không có thời hạn: required when the task has no deadline (seed 002 art. 3.3).
    string? NoDeadlineReason = null);

public sealed record CreateDocumentCommand(
    SourceKind Source, DirectiveKind? Kind, string? NumberAndSymbol, string? Summary, DateOnly? IssueDate, Guid? DirectingLeaderId,
    string? SignerName, Guid? DraftingSpecialistId, Urgency Urgency, Secrecy Secrecy, Guid? FieldId, List<NewTaskCommand>? Tasks,
    bool ConfirmDuplicate = false, TimeOnly? IssueTime = null);

public sealed record DocumentRow(Guid Id, SourceKind Source, DirectiveKind? Kind, string NumberAndSymbol, string Summary, DateOnly IssueDate,
    Guid DirectingLeaderId, string DirectingLeaderName, DateTimeOffset EnteredAtUtc, int TaskCount, int AssignmentCount);

public sealed record DocumentTaskView(Guid Id, string Content, DateOnly? Deadline, TaskNature Nature, IReadOnlyList<UnitRef> CooperatingUnits,
    IReadOnlyList<AssignmentRow> Assignments);

public sealed record DocumentView(DocumentRow Document, string? SignerName, Urgency Urgency, Secrecy Secrecy, Guid? FieldId,
    IReadOnlyList<DocumentTaskView> Tasks, Guid ConcurrencyStamp);

public sealed record PersonRef(Guid Id, string FullName, string? Title);

/// <summary>Directive documents and their tasks: the office enters them; each lead unit gets an assignment.</summary>
public sealed class DocumentHandlers(AppDbContext db, TimeProvider clock, WorkflowUser user, AssignmentHandlers assignments, IWorkingCalendar calendar)
{
    public async Task<Guid> CreateAsync(CreateDocumentCommand c)
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng UBND tỉnh nhập văn bản chỉ đạo.");
        var now = clock.GetUtcNow();
        var doc = await NewDocumentAsync(c, me);
        var tasks = c.Tasks ?? [];
        if (tasks.Count == 0) throw new DomainValidationException("Tasks", "Văn bản phải có ít nhất một nhiệm vụ.");
        db.Documents.Add(doc);

        var active = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Kind }).ToListAsync();
        var activeIds = active.Select(u => u.Id).ToHashSet();
        var similar = new List<SimilarTask>();
        var unitNames = c.ConfirmDuplicate ? new Dictionary<Guid, string>() : await assignments.UnitNamesAsync();
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            try
            {
                var leads = (t.LeadUnitIds ?? []).ToList();
                if (t.LeadGroup != LeadGroup.None)
                {
                    var kind = t.LeadGroup == LeadGroup.AllCommunes ? UnitKind.CommuneCommittee : UnitKind.Department;
                    leads.AddRange(active.Where(u => u.Kind == kind && !leads.Contains(u.Id)).Select(u => u.Id));
                }
                if (leads.Any(u => !activeIds.Contains(u)))
                    throw new DomainValidationException("LeadUnitIds", "Đơn vị chủ trì phải là đơn vị đang hoạt động.");
                var coop = (t.CooperatingUnitIds ?? []).Except(t.LeadGroup != LeadGroup.None ? leads : []).ToList();
                if (coop.Any(u => !activeIds.Contains(u)))
                    throw new DomainValidationException("CooperatingUnitIds", "Đơn vị phối hợp phải là đơn vị đang hoạt động.");
                if (t.DirectingLeaderId is { } tl && !await IsLeaderAsync(tl))
                    throw new DomainValidationException("DirectingLeaderId", "Người chỉ đạo phải là lãnh đạo UBND tỉnh.");
                var deadline = DeadlineOf(t, doc.IssueDate);
                var created = DirectiveTask.Create(doc, new NewTaskData(t.Content ?? "", leads, deadline, t.Nature, coop, t.Programme,
                    t.ProgrammeQuarter, t.FieldId, t.DirectingLeaderId, t.FollowUpSpecialistId, t.IsPublic,
                    t.Recurrence, t.RecurrenceDay, t.RecurrenceUntil, t.DeadlineWorkingDays, t.NoDeadlineReason), now, me.Actor);
                AddTask(db, doc, created);
                if (!c.ConfirmDuplicate)
                    similar.AddRange(await NearDuplicates.FindAsync(db, created.Task.Content, leads, now, i, unitNames));
            }
            catch (DomainValidationException v) when (!v.Field.StartsWith("Tasks["))
            {
                throw new DomainValidationException($"Tasks[{i}].{v.Field}", $"Nhiệm vụ {i + 1}: {v.Message}");
            }
        }
        if (similar.Count > 0) throw new NearDuplicateException(similar);
        await db.SaveChangesAsync();
        return doc.Id;
    }

    /// <summary>
    /// The task's deadline: the date given, or the date <see cref="NewTaskCommand.DeadlineWorkingDays"/> working days after
    /// <paramref name="issueDate"/> (<see cref="Domain.Time.DeadlineFromIssue"/>); both at once is an error.
    /// </summary>
    public DateOnly? DeadlineOf(NewTaskCommand t, DateOnly issueDate)
    {
        if (t.DeadlineWorkingDays is not { } n) return t.Deadline;
        if (t.Deadline is not null)
            throw new DomainValidationException("DeadlineWorkingDays", "Chỉ nhập thời hạn hoặc số ngày làm việc kể từ ngày ban hành, không nhập cả hai.");
        if (issueDate == default)
            throw new DomainValidationException("DeadlineWorkingDays", "Phải có ngày ban hành để tính thời hạn theo ngày làm việc.");
        return Domain.Time.DeadlineFromIssue.Compute(issueDate, n, calendar);
    }

    /// <summary>Validates the document part of <paramref name="c"/> and creates the (not yet added) document.</summary>
    public async Task<DirectiveDocument> NewDocumentAsync(CreateDocumentCommand c, UserScope me)
    {
        if (c.DirectingLeaderId is not { } leader || !await IsLeaderAsync(leader))
            throw new DomainValidationException("DirectingLeaderId", "Phải chọn người chỉ đạo là lãnh đạo UBND tỉnh.");
        if (c.FieldId is { } fid && !await db.Fields.AnyAsync(f => f.Id == fid))
            throw new DomainValidationException("FieldId", "Lĩnh vực không tồn tại.");
        return DirectiveDocument.Create(new DirectiveDocumentData(c.Source, c.Kind, c.NumberAndSymbol, c.Summary ?? "", c.IssueDate ?? default,
            leader, c.SignerName, c.DraftingSpecialistId ?? (c.Source == SourceKind.Document ? me.UserId : null), c.Urgency, c.Secrecy, c.FieldId, c.IssueTime),
            clock.GetUtcNow(), me.UserId);
    }

    /// <summary>Adds a new task with its assignments, filling the search column.</summary>
    public static void AddTask(AppDbContext db, DirectiveDocument doc, TaskCreation created)
    {
        db.Tasks.Add(created.Task);
        db.Entry(created.Task).Property<string>(WorkflowColumns.SearchText).CurrentValue =
            TextFold.Fold($"{doc.NumberAndSymbol} {doc.Summary} {created.Task.Content}");
        foreach (var a in created.Assignments) AssignmentHandlers.AddNew(db, a, created.Task);
    }

    public async Task<PagedResult<DocumentRow>> ListAsync(string? q, int page = 1, int pageSize = 25)
    {
        await DemandReaderAsync();
        var docs = db.Documents.AsNoTracking();
        var text = TextFold.Fold(q);
        if (text.Length > 0)
        {
            var matching = TaskSearch.Matching(db, text);
            docs = docs.Where(d => db.Tasks.Any(t => t.DocumentId == d.Id && matching.Contains(t.Id)));
        }
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await docs.CountAsync();
        var items = await docs.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.EnteredAtUtc)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new
            {
                D = d,
                Tasks = db.Tasks.Count(t => t.DocumentId == d.Id),
                Assignments = db.Assignments.Count(a => db.Tasks.Any(t => t.Id == a.TaskId && t.DocumentId == d.Id)),
            }).ToListAsync();
        var names = await NamesAsync(items.Select(i => i.D.DirectingLeaderId));
        return new PagedResult<DocumentRow>(items.Select(i => ToRow(i.D, names, i.Tasks, i.Assignments)).ToList(), total, page, pageSize);
    }

    public async Task<DocumentView> GetAsync(Guid id)
    {
        await DemandReaderAsync();
        var d = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id) ?? throw new NotFoundException("Không tìm thấy văn bản.");
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.CooperatingUnits).Where(t => t.DocumentId == id)
            .OrderBy(t => t.CreatedAtUtc).ToListAsync();
        var rows = await assignments.ListAsync(new AssignmentQuery { DocumentId = id, PageSize = 200 });
        var units = await assignments.UnitNamesAsync();
        var names = await NamesAsync([d.DirectingLeaderId]);
        var views = tasks.Select(t => new DocumentTaskView(t.Id, t.Content, t.Deadline, t.Nature,
            t.CooperatingUnits.Select(c => new UnitRef(c.UnitId, units.GetValueOrDefault(c.UnitId, "?"))).ToList(),
            rows.Items.Where(r => r.TaskId == t.Id).ToList())).ToList();
        return new DocumentView(ToRow(d, names, tasks.Count, views.Sum(v => v.Assignments.Count)), d.SignerName, d.Urgency, d.Secrecy, d.FieldId,
            views, d.ConcurrencyStamp);
    }

    /// <summary>Chủ tịch, Phó Chủ tịch: who may be named as người chỉ đạo.</summary>
    public Task<List<PersonRef>> LeadersAsync() => PeopleInRoleAsync(Roles.ProvincialLeader);

    public Task<List<PersonRef>> SpecialistsAsync() => PeopleInRoleAsync(Roles.OfficeSpecialist);

    private Task<List<PersonRef>> PeopleInRoleAsync(string role) =>
        (from u in db.Users.AsNoTracking()
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && !u.IsDisabled
         orderby u.FullName
         select new PersonRef(u.Id, u.FullName, u.Title)).ToListAsync();

    private async Task<bool> IsLeaderAsync(Guid id) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == id && r.Name == Roles.ProvincialLeader select ur).AnyAsync();

    private async Task DemandReaderAsync()
    {
        var me = await user.GetAsync();
        if (!me.SeesAll) throw new ForbiddenException("Chỉ Văn phòng và lãnh đạo UBND tỉnh xem danh sách văn bản chỉ đạo.");
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);
    }

    private static DocumentRow ToRow(DirectiveDocument d, Dictionary<Guid, string> names, int tasks, int assignments) =>
        new(d.Id, d.Source, d.Kind, d.NumberAndSymbol, d.Summary, d.IssueDate, d.DirectingLeaderId, names.GetValueOrDefault(d.DirectingLeaderId, "?"),
            d.EnteredAtUtc, tasks, assignments);
}
