using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Features.Calendar;

/// <summary>Settings of the working calendar (section <c>Calendar</c>).</summary>
public sealed class CalendarOptions
{
    /// <summary>How often, at most, an instance checks whether another instance changed the
    /// stored overrides (one read of a version stamp). Changes made by this instance apply at once.</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>The default second National Day holiday (art. 112 leaves it to each year's decision).</summary>
    public NationalDayAdjacentDay NationalDayAdjacentDay { get; set; } = NationalDayAdjacentDay.DayBefore;
}

/// <summary>
/// The app's <see cref="IWorkingCalendar"/> (a singleton): a <see cref="WorkingCalendar"/> built
/// from the administrator's stored overrides, cached. A change made here calls
/// <see cref="Invalidate"/>; changes made by other instances are noticed through the
/// <see cref="DataVersion.Calendar"/> stamp, read at most every <see cref="CalendarOptions.RefreshSeconds"/>.
/// The synchronous <see cref="IWorkingCalendar"/> methods never wait for the database once the
/// calendar is loaded (at start-up): when a check is due they start it in the background and
/// answer from the cached calendar. Async callers can use <see cref="CurrentAsync"/>, which waits.
/// </summary>
public sealed class CalendarService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<CalendarOptions> options, ILogger<CalendarService> log)
    : IWorkingCalendar, IHostedService
{
    private sealed record Snapshot(WorkingCalendar Calendar, Guid Stamp, DateTimeOffset CheckedAt);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(Math.Max(0, options.Value.RefreshSeconds));
    private volatile Snapshot? _snapshot;
    private int _refreshing;

    public HolidayRules Rules { get; } = new() { NationalDayAdjacentDay = options.Value.NationalDayAdjacentDay };

    /// <summary>The calendar as last loaded (loads it, waiting, only if it never was).</summary>
    public WorkingCalendar Current
    {
        get
        {
            var s = _snapshot;
            if (s is null) return CurrentAsync().GetAwaiter().GetResult();
            if (IsDue(s) && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try { await CurrentAsync(); }
                    catch (Exception e) { log.LogWarning(e, "Could not refresh the working calendar; keeping the cached one"); }
                    finally { Volatile.Write(ref _refreshing, 0); }
                });
            }
            return s.Calendar;
        }
    }

    /// <summary>The up-to-date calendar: checks the version stamp if a check is due and reloads
    /// the overrides if they changed.</summary>
    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default)
    {
        var s = _snapshot;
        if (s is not null && !IsDue(s)) return s.Calendar;
        await _gate.WaitAsync(ct);
        try
        {
            s = _snapshot;
            if (s is not null && !IsDue(s)) return s.Calendar;
            var now = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The stamp is read before the rows: a change committed in between only causes one
            // more reload later, never a stale calendar under a new stamp.
            var stamp = await db.DataVersions.AsNoTracking().Where(v => v.Key == DataVersion.Calendar)
                .Select(v => (Guid?)v.Stamp).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            if (s is not null && s.Stamp == stamp)
            {
                _snapshot = s with { CheckedAt = now };
                return s.Calendar;
            }
            var rows = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingCalendar(rows.OrderBy(r => r.Date).Select(r => r.ToDomain()), Rules);
            _snapshot = new Snapshot(calendar, stamp, now);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the next <see cref="CurrentAsync"/> re-read the stamp (after a change here).</summary>
    public void Invalidate()
    {
        if (_snapshot is { } s) _snapshot = s with { CheckedAt = DateTimeOffset.MinValue };
    }

    private bool IsDue(Snapshot s)
    {
        var now = clock.GetUtcNow();
        return now - s.CheckedAt >= _refresh || now < s.CheckedAt;
    }

    public bool IsWorkingDay(DateOnly date) => Current.IsWorkingDay(date);

    public DateOnly AddWorkingDays(DateOnly start, int days) => Current.AddWorkingDays(start, days);

    public int CountWorkingDays(DateOnly from, DateOnly to) => Current.CountWorkingDays(from, to);

    async Task IHostedService.StartAsync(CancellationToken ct)
    {
        try { await CurrentAsync(ct); }
        catch (Exception e) { log.LogWarning(e, "Could not load the working calendar at start-up; it loads on first use"); }
    }

    Task IHostedService.StopAsync(CancellationToken ct) => Task.CompletedTask;
}
