namespace NhiemVu.Domain.Calendar;

/// <summary>What an administrator's entry does to a date.</summary>
public enum CalendarOverrideKind
{
    /// <summary>The date is a day off (an announced extra day, or the day off of a swap).</summary>
    DayOff,
    /// <summary>The date is a working day whatever the defaults say (a Saturday made a make-up
    /// working day, or a computed holiday the government moved elsewhere).</summary>
    WorkingDay,
    /// <summary>The computed default day off on this date does not apply; the date falls back to
    /// the weekday rule (working Monday–Friday, off on Saturday and Sunday).</summary>
    RemoveDayOff,
}

/// <summary>
/// An administrator's correction of the computed calendar for one date, entered from the
/// government's announcement for the year. Overrides are applied on top of the computed default
/// days off (they do not re-run the compensation rule): the administrator states the final days.
/// When several overrides name the same date, the last one in the list wins.
/// </summary>
/// <param name="Date">The local date it applies to.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Name">Shown on the admin screen, e.g. "Nghỉ hoán đổi" or "Làm bù cho ngày 3/5";
/// for <see cref="CalendarOverrideKind.DayOff"/> it is the name of the day off.</param>
public sealed record CalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string Name)
{
    public static CalendarOverride DayOff(DateOnly date, string name) => new(date, CalendarOverrideKind.DayOff, name);

    public static CalendarOverride WorkingDay(DateOnly date, string name) => new(date, CalendarOverrideKind.WorkingDay, name);

    public static CalendarOverride RemoveDayOff(DateOnly date, string name = "") => new(date, CalendarOverrideKind.RemoveDayOff, name);
}
