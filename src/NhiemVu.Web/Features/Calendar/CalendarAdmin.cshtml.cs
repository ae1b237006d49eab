using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Calendar;

[Authorize(Policy = IdentitySetup.AdminPolicy)]
public sealed class CalendarAdminModel(CalendarHandlers calendar, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Name { get; set; }
    /// <summary>Which add form was posted ("off" or "work"), so its errors show beside it.</summary>
    public string? Posted { get; private set; }
    public CalendarYearDto Data { get; private set; } = null!;

    public static readonly string[] WeekdayNames = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string KindName(DayOffKind k) => k switch
    {
        DayOffKind.Statutory => "Nghỉ lễ, Tết",
        DayOffKind.Compensation => "Nghỉ bù",
        _ => "Theo thông báo",
    };

    public static string KindName(CalendarOverrideKind k) => k switch
    {
        CalendarOverrideKind.DayOff => "Thêm ngày nghỉ",
        CalendarOverrideKind.WorkingDay => "Ngày làm bù",
        _ => "Bỏ ngày nghỉ mặc định",
    };

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostDayOffAsync() =>
        AddAsync("off", CalendarOverrideKind.DayOff, "Đã thêm ngày nghỉ {0}.");

    public Task<IActionResult> OnPostWorkingDayAsync() =>
        AddAsync("work", CalendarOverrideKind.WorkingDay, "Đã thêm ngày làm bù {0}.");

    public async Task<IActionResult> OnPostRemoveDayOffAsync(DateOnly date)
    {
        if (await TryAsync(() => calendar.RemoveDayOffAsync(date)))
        {
            TempData["Flash"] = $"Ngày {date:dd/MM/yyyy} đã trở thành ngày làm việc.";
            return RedirectToPage(new { year = date.Year });
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostUndoAsync(DateOnly date)
    {
        if (await TryAsync(() => calendar.RemoveOverrideAsync(date)))
        {
            TempData["Flash"] = $"Ngày {date:dd/MM/yyyy} đã trở lại theo lịch mặc định.";
            return RedirectToPage(new { year = date.Year });
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> AddAsync(string form, CalendarOverrideKind kind, string done)
    {
        Posted = form;
        if (await TryAsync(() => calendar.SaveOverrideAsync(new SaveCalendarOverrideCommand(Date, kind, Name))))
        {
            TempData["Flash"] = string.Format(done, Date!.Value.ToString("dd/MM/yyyy"));
            return RedirectToPage(new { year = Date.Value.Year });
        }
        if (Date is { } d) Year = d.Year;
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        var year = Year ?? ProvinceTime.Today(clock).Year;
        if (year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear) year = ProvinceTime.Today(clock).Year;
        Year = year;
        Data = await calendar.YearAsync(year);
        return Page();
    }
}
