using Microsoft.AspNetCore.Mvc;

namespace NhiemVu.Web.Features.Notifications;

public sealed class IndexModel(NotificationHandlers notifications) : FormPageModel
{
    public NotificationList List { get; private set; } = new(0, []);

    public async Task OnGetAsync() => List = await notifications.ListAsync();

    /// <summary>Marks one read and, with open=true, follows its link.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, bool open)
    {
        string? link = null;
        if (await TryAsync(async () => link = await notifications.MarkReadAsync(id)))
            return open && link is not null && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
        List = await notifications.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var n = await notifications.MarkAllReadAsync();
        TempData["Flash"] = n == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {n} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
