using Microsoft.AspNetCore.Mvc;
using NhiemVu.Data;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features.Admin;

public sealed class UserEditModel(UserHandlers users, UnitHandlers units, ICurrentActor actor) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public Guid UnitId { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public List<Guid> SelectedFields { get; set; } = [];
    [BindProperty] public bool IsSharedUnitAccount { get; set; }
    [BindProperty] public string? ConcurrencyStamp { get; set; }
    public bool IsDisabled { get; private set; }
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<FieldDto> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id) Fill(await users.GetAsync(id));
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cmd = new SaveUserCommand(UserName ?? "", FullName ?? "", Title, Email, UnitId, SelectedRoles, SelectedFields,
            IsSharedUnitAccount, Password, ConcurrencyStamp);
        if (await TryAsync(async () =>
            {
                if (Id is { } id) await users.UpdateAsync(id, cmd);
                else Id = await users.CreateAsync(cmd);
            }))
        {
            TempData["Flash"] = "Đã lưu tài khoản.";
            return Redirect("/admin/users");
        }
        if (Id is { } existing) IsDisabled = (await users.GetAsync(existing)).IsDisabled;
        await LoadListsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostResetPasswordAsync() =>
        ActAsync(() => users.ResetPasswordAsync(Id!.Value, NewPassword ?? ""), "Đã đặt lại mật khẩu.");

    public Task<IActionResult> OnPostDisableAsync() =>
        ActAsync(() => users.SetDisabledAsync(Id!.Value, true, actor.UserId), "Đã vô hiệu hóa tài khoản; mọi phiên đăng nhập đã chấm dứt.");

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(() => users.SetDisabledAsync(Id!.Value, false, actor.UserId), "Đã kích hoạt lại tài khoản.");

    private async Task<IActionResult> ActAsync(Func<Task> action, string done)
    {
        if (await TryAsync(action))
        {
            TempData["Flash"] = done;
            return Redirect($"/admin/users/edit/{Id}");
        }
        Fill(await users.GetAsync(Id!.Value));
        await LoadListsAsync();
        return Page();
    }

    private void Fill(UserDto u)
    {
        (UserName, FullName, Title, Email, UnitId, IsSharedUnitAccount, IsDisabled, ConcurrencyStamp) =
            (u.UserName, u.FullName, u.Title, u.Email, u.UnitId, u.IsSharedUnitAccount, u.IsDisabled, u.ConcurrencyStamp);
        SelectedRoles = [.. u.Roles];
        SelectedFields = [.. u.FieldIds];
    }

    private async Task LoadListsAsync()
    {
        Units = await units.ListAsync(includeInactive: false);
        Fields = await units.ListFieldsAsync();
    }
}
