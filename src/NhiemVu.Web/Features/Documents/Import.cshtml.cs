using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Documents;

/// <summary>Import of an annual work programme / plan from the Excel template: into an existing programme document or a new one.</summary>
[Authorize(Policy = IdentitySetup.OfficePolicy)]
public sealed class ImportModel(ProgrammeImport import, DocumentHandlers docs) : FormPageModel
{
    /// <summary>The programme document to import into; empty: create one from the fields below.</summary>
    [BindProperty] public Guid? DocumentId { get; set; }
    [BindProperty] public DirectiveKind Kind { get; set; } = DirectiveKind.ChuongTrinhCongTac;
    [BindProperty] public string? NumberAndSymbol { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public DateOnly? IssueDate { get; set; }
    [BindProperty] public Guid? DirectingLeaderId { get; set; }
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public IFormFile? File { get; set; }
    [BindProperty] public bool ConfirmDuplicate { get; set; }

    public IReadOnlyList<DocumentRow> Programmes { get; private set; } = [];
    public IReadOnlyList<PersonRef> Leaders { get; private set; } = [];
    public IReadOnlyList<ImportRowError> RowErrors { get; private set; } = [];
    public ImportResult? Result { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ImportResult? result = null;
        try
        {
            await TryAsync(async () => result = DocumentId is { } id
                ? await import.ImportAsync(id, File, ConfirmDuplicate)
                : await import.ImportNewAsync(new CreateDocumentCommand(SourceKind.Document, Kind, NumberAndSymbol, Summary, IssueDate, DirectingLeaderId,
                    SignerName, null, Urgency.Thuong, Secrecy.Thuong, null, null), File, ConfirmDuplicate));
        }
        catch (ImportRowsException e)
        {
            FormError = e.Message;
            RowErrors = e.Rows;
        }
        Result = result;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Programmes = await import.ProgrammesAsync();
        Leaders = await docs.LeadersAsync();
    }
}
