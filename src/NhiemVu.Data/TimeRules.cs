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
    /// <summary>Report intervals changed at moments already past when they were written (an import of past work, a
    /// document made secret or corrected, a backfill): bumped in the same SaveChanges, so the reports kept for past
    /// moments are computed again.</summary>
    public const string ReportHistory = "report-history";

    public string Key { get; set; } = "";
    public Guid Stamp { get; set; }

    /// <summary>Writes a new stamp for <paramref name="key"/> in the coming SaveChanges of <paramref name="db"/> (the
    /// rows exist from the migrations: an UPDATE by key, no read first).</summary>
    public static void Bump(Microsoft.EntityFrameworkCore.DbContext db, string key)
    {
        var tracked = db.ChangeTracker.Entries<DataVersion>().FirstOrDefault(e => e.Entity.Key == key);
        if (tracked is not null)
        {
            tracked.Entity.Stamp = Guid.NewGuid();
            if (tracked.State == Microsoft.EntityFrameworkCore.EntityState.Unchanged) tracked.State = Microsoft.EntityFrameworkCore.EntityState.Modified;
            return;
        }
        db.Entry(new DataVersion { Key = key, Stamp = Guid.NewGuid() }).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
    }
}

/// <summary>Entities the <see cref="AuditInterceptor"/> does not record (internal bookkeeping).</summary>
public interface INotAudited;
