using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Assignments;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>The assignment page: everything about it, and only the action forms the user may use now.</summary>
public sealed class DetailModel(AssignmentHandlers h, Units.UnitHandlers units, Files.FileHandlers files, Timeliness.TimelinessQueries timeliness) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AssignmentOperation Op { get; set; }
    [BindProperty] public Guid? ConcurrencyStamp { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? Percent { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NumberAndSymbol { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public bool Override { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public Guid? RequestId { get; set; }
    [BindProperty] public Guid? ToUnitId { get; set; }
    [BindProperty] public AdjustmentKind AdjustmentKind { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }
    /// <summary>Files sent with a progress note or a result report (checked before the action runs).</summary>
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public IReadOnlyList<Files.FileView> Attachments { get; private set; } = [];

    public AssignmentDetail A { get; private set; } = null!;
    /// <summary>Entry timeliness of the document and of each report, review timeliness of each report.</summary>
    public Timeliness.AssignmentTimeliness Timely { get; private set; } = null!;
    public IReadOnlyList<Units.UnitDto> ActiveUnits { get; private set; } = [];
    public string NewKey { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync()
    {
        try { await LoadAsync(); }
        catch (Infrastructure.NotFoundException) { return NotFound(); }
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync()
    {
        var s = ConcurrencyStamp;
        IReadOnlyList<Files.CheckedFile> upload = [];
        var ok = await TryAsync(async () => upload = Op is AssignmentOperation.Progress or AssignmentOperation.Report
            ? await files.CheckAllAsync(Files) : []);
        ok = ok && await TryAsync(() => Op switch
        {
            AssignmentOperation.Receive => h.ReceiveAsync(Id, new StampCommand(s)),
            AssignmentOperation.Progress => h.ProgressAsync(Id, new ProgressCommand(Text, Percent, s)),
            AssignmentOperation.Report => h.ReportAsync(Id, new ReportCommand(Name, NumberAndSymbol, Summary, Date, SignerName, IdempotencyKey, s)),
            AssignmentOperation.WithdrawReport => h.WithdrawReportAsync(Id, new StampCommand(s)),
            AssignmentOperation.RequestExtension => h.RequestExtensionAsync(Id, new ExtensionCommand(Date, Text, s)),
            AssignmentOperation.Refuse => h.RefuseAsync(Id, new ReasonCommand(Text, s)),
            AssignmentOperation.Explain => h.ExplainAsync(Id, new TextCommand(Text, s)),
            AssignmentOperation.RequestAdjustment => h.RequestAdjustmentAsync(Id, new AdjustmentCommand(AdjustmentKind, Text, Date, s)),
            AssignmentOperation.Contribute => h.ContributeAsync(Id, new ContributionCommand(Text, Percent)),
            AssignmentOperation.Review => h.ReviewAsync(Id, new ReviewCommand(Approve, Text, s)),
            AssignmentOperation.DecideExtension => h.DecideExtensionAsync(Id, RequestId ?? Guid.Empty,
                new ExtensionDecisionCommand(Approve, Text, Override, OverrideReason, Date, s)),
            AssignmentOperation.DecideRefusal => h.DecideRefusalAsync(Id, new DecisionCommand(Approve, Text, false, null, s)),
            AssignmentOperation.DecideAdjustment => h.DecideAdjustmentAsync(Id, new DecisionCommand(Approve, Text, Override, OverrideReason, s)),
            AssignmentOperation.Urge => h.UrgeAsync(Id, new UrgeCommand(Text, s)),
            AssignmentOperation.Transfer => h.TransferAsync(Id, new TransferCommand(ToUnitId, Date, Text, s)),
            AssignmentOperation.Cancel => h.CancelAsync(Id, new ReasonCommand(Text, s)),
            _ => Task.CompletedTask,
        });
        if (ok && upload.Count > 0)
        {
            var kind = Op == AssignmentOperation.Report ? Data.FileOwnerKind.Report : Data.FileOwnerKind.Progress;
            ok = await TryAsync(async () => { foreach (var f in upload) await files.AttachToAssignmentAsync(Id, kind, f); });
        }
        if (ok)
        {
            TempData["Flash"] = $"Đã thực hiện: {Labels.Vi(Op)}.";
            return ReturnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? Redirect(r) : RedirectToPage(new { Id });
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        A = await h.GetAsync(Id);
        Attachments = await files.ForAssignmentAsync(Id);
        Timely = await timeliness.ForAssignmentAsync(Id, A.Document.Id);
        if (A.Can(AssignmentOperation.Transfer)) ActiveUnits = await units.ListAsync(includeInactive: false);
    }
}
