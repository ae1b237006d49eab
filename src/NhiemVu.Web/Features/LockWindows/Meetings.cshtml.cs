using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Units;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.LockWindows;

[Authorize(Policy = IdentitySetup.OfficePolicy)]
public sealed class MeetingsModel(MeetingHandlers meetings, UnitHandlers units, LockWindowService locks, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateTime? Start { get; set; }
    [BindProperty] public DateTime? End { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The meeting whose lift form was posted, so its errors show beside it.</summary>
    public Guid? LiftFor { get; private set; }
    public IReadOnlyList<MeetingDto> Meetings { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public int DaysBefore => locks.DaysBefore;

    public async Task<IActionResult> OnGetAsync()
    {
        var today = ProvinceTime.Today(clock);
        Title ??= $"Hội nghị giao ban kinh tế – xã hội tháng {today:MM/yyyy}";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await TryAsync(() => meetings.CreateAsync(new SaveMeetingCommand(Title, Start, End))))
        {
            TempData["Flash"] = "Đã thêm hội nghị; khóa cập nhật tự động theo lịch.";
            return RedirectToPage();
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await TryAsync(() => meetings.DeleteAsync(id)))
        {
            TempData["Flash"] = "Đã xóa hội nghị.";
            return RedirectToPage();
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id)
    {
        LiftFor = id;
        if (await TryAsync(() => meetings.LiftAsync(id, new LiftLockCommand(UnitId, Reason))))
        {
            TempData["Flash"] = "Đã mở khóa cho đơn vị.";
            return RedirectToPage();
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Meetings = await meetings.ListAsync(Past, includeExemptions: true);
        Units = (await units.ListAsync(includeInactive: false))
            .Where(u => u.Kind is not (Domain.Units.UnitKind.ProvincialCommittee or Domain.Units.UnitKind.ProvincialOffice)).ToList();
        return Page();
    }
}
