using Microsoft.AspNetCore.Mvc;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Notifications;

public sealed class PreferencesModel(NotificationHandlers notifications) : FormPageModel
{
    public PreferencesView View { get; private set; } = new(false, null, []);
    [BindProperty] public List<NotificationKind> InApp { get; set; } = [];
    [BindProperty] public List<NotificationKind> Email { get; set; } = [];

    public async Task OnGetAsync() => View = await notifications.PreferencesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var changes = NotificationKinds.Preferences.Select(k => new PreferenceChange(k, InApp.Contains(k), Email.Contains(k))).ToList();
        if (await TryAsync(() => notifications.SavePreferencesAsync(changes)))
        {
            TempData["Flash"] = "Đã lưu lựa chọn nhận thông báo.";
            return RedirectToPage();
        }
        View = await notifications.PreferencesAsync();
        return Page();
    }
}
