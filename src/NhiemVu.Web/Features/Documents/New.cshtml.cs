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
    [BindProperty] public Guid? DirectingLeaderId { get; set; }
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public Urgency Urgency { get; set; }
    [BindProperty] public Secrecy Secrecy { get; set; }
    [BindProperty] public Guid? FieldId { get; set; }
    [BindProperty] public List<TaskInput> Tasks { get; set; } = [];
    [BindProperty] public IFormFile? SignedFile { get; set; }
    [BindProperty] public List<IFormFile> OtherFiles { get; set; } = [];
    [BindProperty] public bool ConfirmDuplicate { get; set; }

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
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var tasks = Tasks.Where(t => !string.IsNullOrWhiteSpace(t.Content) || t.LeadUnitIds.Count > 0 || t.LeadGroup != LeadGroup.None)
            .Select(t => new NewTaskCommand(t.Content, t.LeadUnitIds, t.LeadGroup, t.CooperatingUnitIds, t.Deadline, t.Nature,
                NoDeadlineReason: t.NoDeadlineReason)).ToList();
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
                IssueDate, DirectingLeaderId, SignerName, null, Urgency, Secrecy, FieldId, tasks, ConfirmDuplicate))))
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
