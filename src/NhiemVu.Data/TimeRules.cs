using NhiemVu.Domain.Calendar;

namespace NhiemVu.Data;

/// <summary>
/// A stored <see cref="Domain.Calendar.CalendarOverride"/> (the domain record is immutable and
/// keyless; this row gives it an id and a concurrency stamp). One row per date.
/// </summary>
public sealed class CalendarOverrideRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Date { get; set; }
    public CalendarOverrideKind Kind { get; set; }
    public string Name { get; set; } = "";
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public CalendarOverride ToDomain() => new(Date, Kind, Name);
}

/// <summary>
/// A version stamp per cached data set (key "calendar"): every change of the set writes a new
/// stamp in the same transaction, so other app instances notice it with one cheap read.
/// Bookkeeping only, not audited (the change it stamps is).
/// </summary>
public sealed class DataVersion : INotAudited
{
    public const string Calendar = "calendar";
    /// <summary>Units (their names): bumped in the same SaveChanges as any unit change.</summary>
    public const string Units = "units";
    /// <summary>Accounts' full names: bumped in the same SaveChanges as an account's creation, rename or removal.</summary>
    public const string UserNames = "user-names";

    public string Key { get; set; } = "";
    public Guid Stamp { get; set; }
}

/// <summary>Entities the <see cref="AuditInterceptor"/> does not record (internal bookkeeping).</summary>
public interface INotAudited;
