using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features.Admin;

public sealed class UnitEditModel(UnitHandlers units) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    [BindProperty] public UnitKind Kind { get; set; } = UnitKind.Department;
    [BindProperty] public Guid? ParentId { get; set; }
    [BindProperty] public Guid? ConcurrencyStamp { get; set; }
    [BindProperty] public DateOnly? ValidTo { get; set; }
    [BindProperty] public Guid? SuccessorId { get; set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<UnitDto> AllUnits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var u = await units.GetAsync(id);
            (Code, Name, ShortName, Kind, ParentId, ConcurrencyStamp, IsActive) =
                (u.Code, u.Name, u.ShortName, u.Kind, u.ParentId, u.ConcurrencyStamp, u.IsActive);
        }
        AllUnits = await units.ListAsync(includeInactive: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cmd = new SaveUnitCommand(Code ?? "", Name ?? "", ShortName, Kind, ParentId, null, ConcurrencyStamp);
        if (await TryAsync(async () =>
            {
                if (Id is { } id) await units.UpdateAsync(id, cmd);
                else Id = await units.CreateAsync(cmd);
            }))
        {
            TempData["Flash"] = "Đã lưu đơn vị.";
            return Redirect("/admin/units");
        }
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostDeactivateAsync()
    {
        if (ValidTo is null) Errors["validTo"] = "Hãy chọn ngày ngừng hoạt động.";
        else if (await TryAsync(() => units.DeactivateAsync(Id!.Value, new DeactivateUnitCommand(ValidTo.Value, SuccessorId, ConcurrencyStamp))))
        {
            TempData["Flash"] = "Đơn vị đã ngừng hoạt động.";
            return Redirect("/admin/units");
        }
        return await RedisplayAsync(reload: true);
    }

    public async Task<IActionResult> OnPostReactivateAsync()
    {
        if (await TryAsync(() => units.ReactivateAsync(Id!.Value)))
        {
            TempData["Flash"] = "Đơn vị đã hoạt động trở lại.";
            return Redirect("/admin/units");
        }
        return await RedisplayAsync(reload: true);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await TryAsync(() => units.DeleteAsync(Id!.Value)))
        {
            TempData["Flash"] = "Đã xóa đơn vị.";
            return Redirect("/admin/units");
        }
        return await RedisplayAsync(reload: true);
    }

    private async Task<IActionResult> RedisplayAsync(bool reload = false)
    {
        if (Id is { } id)
        {
            var u = await units.GetAsync(id);
            IsActive = u.IsActive;
            if (reload)
                (Code, Name, ShortName, Kind, ParentId, ConcurrencyStamp) = (u.Code, u.Name, u.ShortName, u.Kind, u.ParentId, u.ConcurrencyStamp);
        }
        AllUnits = await units.ListAsync(includeInactive: false);
        return Page();
    }
}
