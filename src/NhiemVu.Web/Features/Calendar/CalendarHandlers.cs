using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Calendar;

public sealed record DayOffDto(DateOnly Date, string Name, DayOffKind Kind, bool IsWeekend);

public sealed record CalendarOverrideDto(DateOnly Date, CalendarOverrideKind Kind, string Name);

/// <summary>A year of the working calendar: its days off other than ordinary weekends, its
/// make-up working days, and the administrator's overrides that produced them.</summary>
public sealed record CalendarYearDto(int Year, int WorkingDayCount, IReadOnlyList<DayOffDto> DaysOff,
    IReadOnlyList<CalendarOverrideDto> MakeUpWorkingDays, IReadOnlyList<CalendarOverrideDto> Overrides);

public sealed record SaveCalendarOverrideCommand(DateOnly? Date, CalendarOverrideKind? Kind, string? Name);

/// <summary>The working days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record WorkingDaysDto(DateOnly From, DateOnly To, int Count, IReadOnlyList<DateOnly> Days);

/// <summary><see cref="Date"/> is <see cref="Days"/> working days after <see cref="From"/> (From not
/// counted); <see cref="CountedDays"/> are the working days counted, in order.</summary>
public sealed record AddWorkingDaysDto(DateOnly From, int Days, DateOnly Date, IReadOnlyList<DateOnly> CountedDays);

/// <summary>The working calendar: reading it (anyone signed in) and the administrator's overrides.
/// Shared by /admin/calendar and /api/calendar.</summary>
public sealed class CalendarHandlers(AppDbContext db, CalendarService calendar)
{
    public const int MaxNameLength = 128;
    public const int MaxRangeDays = 2 * 366;
    public const int MaxAddDays = 1000;

    public async Task<CalendarYearDto> YearAsync(int year)
    {
        CheckYear(year, "year");
        var cal = await calendar.CurrentAsync();
        var first = new DateOnly(year, 1, 1);
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var working = 0;
        for (var i = 0; i < length; i++) if (cal.IsWorkingDay(first.AddDays(i))) working++;
        var overrides = await db.CalendarOverrides.AsNoTracking()
            .Where(o => o.Date >= first && o.Date <= new DateOnly(year, 12, 31)).ToListAsync();
        return new CalendarYearDto(year, working,
            cal.Holidays(year).Select(d => new DayOffDto(d.Date, d.Name, d.Kind, HolidayCalendar.IsWeekend(d.Date))).ToList(),
            cal.MakeUpWorkingDays(year).Select(ToDto).ToList(),
            overrides.OrderBy(o => o.Date).Select(o => ToDto(o.ToDomain())).ToList());
    }

    /// <summary>Adds the override of a date, or replaces the one it has. Returns it and whether it is new.</summary>
    public async Task<(CalendarOverrideDto Override, bool Created)> SaveOverrideAsync(SaveCalendarOverrideCommand c)
    {
        if (c.Date is not { } date) throw new DomainValidationException("date", "Hãy chọn ngày.");
        if (c.Kind is not { } kind || !Enum.IsDefined(kind))
            throw new DomainValidationException("kind", "Loại điều chỉnh lịch không hợp lệ.");
        CheckYear(date.Year, "date");
        var name = (c.Name ?? "").Trim();
        if (name.Length > MaxNameLength)
            throw new DomainValidationException("name", "Tên dài tối đa 128 ký tự.");
        var o = new CalendarOverride(date, kind, name);
        _ = new WorkingCalendar([o], calendar.Rules); // the domain's own checks (name of a day off)

        var isDefaultDayOff = HolidayCalendar.DefaultDaysOff(date.Year, calendar.Rules).Any(d => d.Date == date);
        switch (kind)
        {
            case CalendarOverrideKind.WorkingDay when !HolidayCalendar.IsWeekend(date) && !isDefaultDayOff:
                throw new DomainValidationException("date", "Ngày này vốn là ngày làm việc; ngày làm bù phải là thứ Bảy, Chủ nhật hoặc ngày nghỉ lễ.");
            case CalendarOverrideKind.RemoveDayOff when !isDefaultDayOff:
                throw new DomainValidationException("date", "Ngày này không phải ngày nghỉ lễ mặc định nên không có gì để bỏ.");
        }

        var row = await db.CalendarOverrides.FirstOrDefaultAsync(r => r.Date == date);
        var created = row is null;
        if (row is null)
        {
            row = new CalendarOverrideRow { Date = date };
            db.CalendarOverrides.Add(row);
        }
        row.Kind = kind;
        row.Name = name;
        row.ConcurrencyStamp = Guid.NewGuid();
        await SaveAsync();
        return (ToDto(row.ToDomain()), created);
    }

    /// <summary>Deletes the override of a date (the date goes back to the computed default).</summary>
    public async Task RemoveOverrideAsync(DateOnly date)
    {
        var row = await db.CalendarOverrides.FirstOrDefaultAsync(r => r.Date == date)
                  ?? throw new NotFoundException($"Ngày {date:dd/MM/yyyy} không có điều chỉnh nào.");
        db.CalendarOverrides.Remove(row);
        await SaveAsync();
    }

    /// <summary>Makes a day off a working day again (the admin screen's "bỏ ngày nghỉ"): a default
    /// holiday gets a <see cref="CalendarOverrideKind.RemoveDayOff"/> override; an announced day
    /// off loses its override.</summary>
    public async Task RemoveDayOffAsync(DateOnly date)
    {
        CheckYear(date.Year, "date");
        if (HolidayCalendar.DefaultDaysOff(date.Year, calendar.Rules).Any(d => d.Date == date))
        {
            await SaveOverrideAsync(new SaveCalendarOverrideCommand(date, CalendarOverrideKind.RemoveDayOff, "Bỏ ngày nghỉ"));
            return;
        }
        var row = await db.CalendarOverrides.FirstOrDefaultAsync(r => r.Date == date && r.Kind == CalendarOverrideKind.DayOff)
                  ?? throw new DomainValidationException("date", "Ngày này không phải ngày nghỉ.");
        db.CalendarOverrides.Remove(row);
        await SaveAsync();
    }

    public async Task<WorkingDaysDto> WorkingDaysAsync(DateOnly? from, DateOnly? to)
    {
        if (from is not { } f) throw new DomainValidationException("from", "Hãy cho biết ngày bắt đầu (from, yyyy-MM-dd).");
        if (to is not { } t) throw new DomainValidationException("to", "Hãy cho biết ngày kết thúc (to, yyyy-MM-dd).");
        CheckYear(f.Year, "from");
        CheckYear(t.Year, "to");
        if (t < f) throw new DomainValidationException("to", "Ngày kết thúc không được trước ngày bắt đầu.");
        if (t.DayNumber - f.DayNumber > MaxRangeDays)
            throw new DomainValidationException("to", "Khoảng ngày dài tối đa 732 ngày.");
        var cal = await calendar.CurrentAsync();
        var days = new List<DateOnly>();
        for (var d = f; d <= t; d = d.AddDays(1)) if (cal.IsWorkingDay(d)) days.Add(d);
        return new WorkingDaysDto(f, t, days.Count, days);
    }

    public async Task<AddWorkingDaysDto> AddWorkingDaysAsync(DateOnly? from, int? days)
    {
        if (from is not { } f) throw new DomainValidationException("from", "Hãy cho biết ngày bắt đầu (from, yyyy-MM-dd).");
        if (days is not { } n) throw new DomainValidationException("days", "Hãy cho biết số ngày làm việc (days).");
        if (Math.Abs(n) > MaxAddDays) throw new DomainValidationException("days", "Số ngày làm việc phải trong khoảng -1000 đến 1000.");
        CheckYear(f.Year, "from");
        var cal = await calendar.CurrentAsync();
        DateOnly result;
        try { result = cal.AddWorkingDays(f, n); }
        catch (ArgumentOutOfRangeException) { throw new DomainValidationException("days", "Kết quả nằm ngoài các năm lịch hỗ trợ."); }
        var counted = new List<DateOnly>(Math.Abs(n));
        var step = n >= 0 ? 1 : -1;
        for (var d = f.AddDays(step); counted.Count < Math.Abs(n); d = d.AddDays(step))
            if (cal.IsWorkingDay(d)) counted.Add(d);
        return new AddWorkingDaysDto(f, n, result, counted);
    }

    private async Task SaveAsync()
    {
        var version = await db.DataVersions.FirstOrDefaultAsync(v => v.Key == DataVersion.Calendar);
        if (version is null) db.DataVersions.Add(new DataVersion { Key = DataVersion.Calendar, Stamp = Guid.NewGuid() });
        else version.Stamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            calendar.Invalidate();
            throw new DomainException("calendar.conflict",
                "Lịch vừa được người khác điều chỉnh cùng lúc. Hãy tải lại trang và thử lại.");
        }
        // Rebuilt now, so that this instance's synchronous callers see the change at once.
        calendar.Invalidate();
        await calendar.CurrentAsync();
    }

    private static void CheckYear(int year, string field)
    {
        if (year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
            throw new DomainValidationException(field, $"Chỉ hỗ trợ các năm {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}.");
    }

    private static CalendarOverrideDto ToDto(CalendarOverride o) => new(o.Date, o.Kind, o.Name);
}
