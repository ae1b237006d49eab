namespace NhiemVu.Domain.Common;

/// <summary>
/// The province's time zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). Times are stored in
/// UTC; the dates the rules talk about are local <see cref="DateOnly"/> values.
/// </summary>
public static class ProvinceTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("ICT", Offset, "ICT", "ICT"); }
    }

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static TimeOnly LocalTime(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The UTC instant at which a local date begins (00:00 in the province).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());
}
