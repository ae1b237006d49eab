using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Units;

namespace NhiemVu.Web.Infrastructure.Caching;

/// <summary>Settings of the per-instance name caches (section <c>Caching</c>).</summary>
public sealed class CachingOptions
{
    /// <summary>How often, at most, an instance reads the version stamps to notice a change made by
    /// another instance (changes made by this instance apply at once).</summary>
    public int NameRefreshSeconds { get; set; } = 10;
}

/// <summary>
/// Unit names and account full names, cached per instance (a singleton): every list row, page and
/// report needs them, and reading the whole units table per request does not scale. Every change
/// of a unit or of an account's name writes a new <see cref="DataVersion"/> stamp in the same
/// transaction (<see cref="NameVersionInterceptor"/>); this instance drops its copy at once, other
/// instances notice the stamp at most <see cref="CachingOptions.NameRefreshSeconds"/> later (one
/// read of a one-row table), like <see cref="Features.Calendar.CalendarService"/>.
/// </summary>
public sealed class NameCache(TimeProvider clock, IOptions<CachingOptions> options)
{
    private sealed record Entry(Dictionary<Guid, string> Names, Guid Stamp, DateTimeOffset CheckedAt);

    private sealed class Slot(string key)
    {
        public string Key { get; } = key;
        public volatile Entry? Value;
        public readonly SemaphoreSlim Gate = new(1, 1);
    }

    private readonly Slot _units = new(DataVersion.Units);
    private readonly Slot _users = new(DataVersion.UserNames);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(Math.Max(0, options.Value.NameRefreshSeconds));

    /// <summary>Id → name of every unit (active or not). Shared by every request: read only.</summary>
    public Task<Dictionary<Guid, string>> UnitNamesAsync(AppDbContext db, CancellationToken ct = default) =>
        GetAsync(_units, db, ct, (d, c) => d.Units.AsNoTracking().Select(u => new KeyValuePair<Guid, string>(u.Id, u.Name)).ToListAsync(c));

    /// <summary>Id → full name of every account. Shared by every request: read only.</summary>
    public Task<Dictionary<Guid, string>> UserNamesAsync(AppDbContext db, CancellationToken ct = default) =>
        GetAsync(_users, db, ct, (d, c) => d.Users.AsNoTracking().Select(u => new KeyValuePair<Guid, string>(u.Id, u.FullName)).ToListAsync(c));

    /// <summary>Drops this instance's copy (called after a change was saved here).</summary>
    public void Invalidate(string key)
    {
        if (key == _units.Key) _units.Value = null;
        if (key == _users.Key) _users.Value = null;
    }

    private async Task<Dictionary<Guid, string>> GetAsync(Slot slot, AppDbContext db, CancellationToken ct,
        Func<AppDbContext, CancellationToken, Task<List<KeyValuePair<Guid, string>>>> load)
    {
        var e = slot.Value;
        if (e is not null && !IsDue(e)) return e.Names;
        await slot.Gate.WaitAsync(ct);
        try
        {
            e = slot.Value;
            if (e is not null && !IsDue(e)) return e.Names;
            var now = clock.GetUtcNow();
            // The stamp is read before the rows: a change committed in between causes one more
            // reload later, never stale names under a new stamp.
            var stamp = await db.DataVersions.AsNoTracking().Where(v => v.Key == slot.Key)
                .Select(v => (Guid?)v.Stamp).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            if (e is not null && e.Stamp == stamp)
            {
                slot.Value = e with { CheckedAt = now };
                return e.Names;
            }
            var names = (await load(db, ct)).ToDictionary(x => x.Key, x => x.Value);
            slot.Value = new Entry(names, stamp, now);
            return names;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private bool IsDue(Entry e)
    {
        var now = clock.GetUtcNow();
        return now - e.CheckedAt >= _refresh || now < e.CheckedAt;
    }
}

/// <summary>
/// Writes a new <see cref="DataVersion"/> stamp in the same SaveChanges as any change of a unit, or
/// an account added, removed or renamed, and drops the instance's cached names once it is saved.
/// </summary>
public sealed class NameVersionInterceptor(NameCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Drop(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Changed(DbContext db)
    {
        var tracker = db.ChangeTracker;
        if (tracker.Entries<Unit>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            yield return DataVersion.Units;
        if (tracker.Entries<AppUser>().Any(e => e.State is EntityState.Added or EntityState.Deleted
                || e.State == EntityState.Modified && e.Property(u => u.FullName).IsModified))
            yield return DataVersion.UserNames;
    }

    private static void Stamp(DbContext? db)
    {
        if (db is null) return;
        foreach (var key in Changed(db).ToList()) DataVersion.Bump(db, key);
    }

    private void Drop(DbContext? db)
    {
        if (db is null) return;
        foreach (var e in db.ChangeTracker.Entries<DataVersion>())
            if (e.Entity.Key is DataVersion.Units or DataVersion.UserNames) cache.Invalidate(e.Entity.Key);
    }
}
