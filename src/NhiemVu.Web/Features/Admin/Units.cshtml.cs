using Microsoft.AspNetCore.Mvc;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features.Admin;

public sealed class UnitsModel(UnitHandlers units) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public bool Inactive { get; set; }
    [BindProperty] public string? FieldName { get; set; }
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<FieldDto> Fields { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostFieldAsync()
    {
        if (await TryAsync(() => units.CreateFieldAsync(FieldName ?? "")))
        {
            TempData["Flash"] = "Đã thêm lĩnh vực.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Units = await units.ListAsync(Inactive);
        Fields = await units.ListFieldsAsync();
    }
}
