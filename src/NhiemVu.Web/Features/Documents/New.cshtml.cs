using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Documents;

/// <summary>Document entry with up to five tasks (empty task blocks are ignored); no JavaScript needed.</summary>
[Authorize(Policy = IdentitySetup.OfficePolicy)]
public sealed class NewModel(DocumentHandlers docs, Units.UnitHandlers units, Files.FileHandlers files) : FormPageModel
{
    public const int TaskSlots = 5;

    [BindProperty] public DirectiveKind Kind { get; set; } = DirectiveKind.CongVan;
    [BindProperty] public string? NumberAndSymbol { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public DateOnly? IssueDate { get; set; }
    /// <summary>Giờ ban hành (optional): decides the same-day entry rule's 15:00 cut-off.</summary>
    [BindProperty] public TimeOnly? IssueTime { get; set; }
    [BindProperty] public Guid? DirectingLeaderId { get; set; }
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public Urgency Urgency { get; set; }
    [BindProperty] public Secrecy Secrecy { get; set; }
    [BindProperty] public Guid? FieldId { get; set; }
    [BindProperty] public List<TaskInput> Tasks { get; set; } = [];
    [BindProperty] public IFormFile? SignedFile { get; set; }
    [BindProperty] public List<IFormFile> OtherFiles { get; set; } = [];
    [BindProperty] public bool ConfirmDuplicate { get; set; }
    /// <summary>The "Tính thời hạn" button: compute the working-day deadlines and show the form again, saving nothing.</summary>
    [BindProperty] public bool Compute { get; set; }
    /// <summary>Per task slot: the deadline computed from "N ngày làm việc", shown beside the field.</summary>
    public Dictionary<int, DateOnly> ComputedDeadlines { get; } = [];

    public IReadOnlyList<Units.UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<Units.FieldDto> Fields { get; private set; } = [];
    public IReadOnlyList<PersonRef> Leaders { get; private set; } = [];

    public sealed class TaskInput
    {
        public string? Content { get; set; }
        public List<Guid> LeadUnitIds { get; set; } = [];
        public LeadGroup LeadGroup { get; set; }
        public List<Guid> CooperatingUnitIds { get; set; } = [];
        public DateOnly? Deadline { get; set; }
        public TaskNature Nature { get; set; } = TaskNature.ThuongXuyen;
        public string? NoDeadlineReason { get; set; }
        /// <summary>Instead of Deadline: N working days from the issue date.</summary>
        public int? DeadlineWorkingDays { get; set; }
        public Recurrence Recurrence { get; set; }
        public int? RecurrenceDay { get; set; }
        public DateOnly? RecurrenceUntil { get; set; }

        public bool IsFilled => !string.IsNullOrWhiteSpace(Content) || LeadUnitIds.Count > 0 || LeadGroup != LeadGroup.None;

        public NewTaskCommand ToCommand() => new(Content, LeadUnitIds, LeadGroup, CooperatingUnitIds, Deadline, Nature,
            DeadlineWorkingDays: DeadlineWorkingDays, Recurrence: Recurrence, RecurrenceDay: Recurrence == Recurrence.None ? null : RecurrenceDay,
            RecurrenceUntil: Recurrence == Recurrence.None ? null : RecurrenceUntil, NoDeadlineReason: NoDeadlineReason);
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        // The server computes "N ngày làm việc" deadlines (no JavaScript needed) and shows them back.
        for (var i = 0; i < Tasks.Count; i++)
        {
            if (Tasks[i].DeadlineWorkingDays is null) continue;
            if (IssueDate is not { } issued)
            {
                Errors["IssueDate"] = "Phải nhập ngày ban hành để tính thời hạn theo ngày làm việc.";
                continue;
            }
            try
            {
                if (docs.DeadlineOf(Tasks[i].ToCommand(), issued) is { } d) ComputedDeadlines[i] = d;
            }
            catch (NhiemVu.Domain.Common.DomainValidationException v)
            {
                Errors[$"Tasks[{i}].{v.Field}"] = $"Nhiệm vụ {i + 1}: {v.Message}";
            }
        }
        if (Compute)
        {
            await LoadAsync();
            return Page();
        }
        var tasks = Tasks.Where(t => t.IsFilled).Select(t => t.ToCommand()).ToList();
        Guid id = default;
        Files.CheckedFile? signed = null;
        IReadOnlyList<Files.CheckedFile> others = [];
        // Files are checked before anything is saved, so a refused file leaves no half-entered document.
        if (await TryAsync(async () =>
            {
                if (SignedFile is { Length: > 0 }) signed = await files.CheckAsync(SignedFile);
                others = await files.CheckAllAsync(OtherFiles);
            })
            && await TryAsync(async () => id = await docs.CreateAsync(new CreateDocumentCommand(SourceKind.Document, Kind, NumberAndSymbol, Summary,
                IssueDate, DirectingLeaderId, SignerName, null, Urgency, Secrecy, FieldId, tasks, ConfirmDuplicate, IssueTime))))
        {
            if (signed is not null) await files.AttachToDocumentAsync(id, signed, signed: true);
            foreach (var f in others) await files.AttachToDocumentAsync(id, f, signed: false);
            TempData["Flash"] = "Đã nhập văn bản và giao nhiệm vụ.";
            return Redirect($"/assignments?DocumentId={id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        while (Tasks.Count < TaskSlots) Tasks.Add(new TaskInput());
        Units = await units.ListAsync(includeInactive: false);
        Fields = await units.ListFieldsAsync();
        Leaders = await docs.LeadersAsync();
    }
}
