using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NhiemVu.Data;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// The figures of reports as of a settled moment, kept per instance. "As of T" counts what was recorded by T, and the
/// workflow records every change at the moment it happens, so once T is past (by <see cref="SettleTime"/>, longer than
/// any save takes) the figures as of T no longer change: the monthly and yearly reports as of a month's end, the
/// dashboard's past months, a re-opened link — and, through an anchor (<see cref="AnchorFor"/>), every report as of
/// now, which is the kept figures of the last settled hour plus the few changes since. The exceptions — a save that
/// changes report intervals at moments already settled (an import of past work, a document made secret or
/// corrected, the start-up backfill) — bump the
/// <see cref="DataVersion.ReportHistory"/> stamp in the same transaction (<see cref="ReportIntervalInterceptor"/>),
/// and every lookup compares that stamp (one read by key), so no instance serves figures from before such a change.
/// Bounded: at most <see cref="MaxCells"/> groups in all, the least recently used dropped first.
/// </summary>
public sealed class SettledReportCache : IDisposable
{
    /// <summary>How long after T the figures as of T are taken as settled.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    /// <summary>The most groups kept, over every cached report (a report by unit has ~300; by document up to 100,000).</summary>
    public const int MaxCells = 200_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCells });
    private readonly TimeProvider _clock;

    public SettledReportCache(TimeProvider clock) => _clock = clock;

    /// <summary>What identifies one computed report's figures.</summary>
    public sealed record Key(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension Dimension, bool IncludeSecret, AsOfOptions Options,
        Guid? DirectingLeader, Guid? MarkedLeader);

    /// <summary>The figures of one report: the groups, the incomplete count, and those of the marked facts (if asked).</summary>
    public sealed record Figures(IReadOnlyList<GroupStatistics> Groups, int Incomplete, IReadOnlyList<GroupStatistics>? Marked);

    private sealed record Entry(Guid Stamp, Figures Figures);

    private long _latestKeptTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Whether the figures as of <paramref name="asOfUtc"/> can no longer change by the workflow.</summary>
    public bool IsSettled(DateTimeOffset asOfUtc) => asOfUtc <= _clock.GetUtcNow() - SettleTime;

    /// <summary>
    /// For a moment not yet settled: the latest settled whole hour of the same local day, from which the figures as of
    /// the moment are the kept figures of the anchor plus the changes since (<see cref="ReportFacts.ChangesBetween"/>);
    /// null when there is none (the first ~70 minutes of a day, or a moment on a later day).
    /// </summary>
    public DateTimeOffset? AnchorFor(DateTimeOffset asOfUtc)
    {
        var now = _clock.GetUtcNow();
        if (IsSettled(asOfUtc)) return null;
        var latest = (asOfUtc < now ? asOfUtc : now) - SettleTime;
        var anchor = new DateTimeOffset(latest.UtcTicks - latest.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        return Domain.Common.ProvinceTime.LocalDate(anchor) == Domain.Common.ProvinceTime.LocalDate(asOfUtc) ? anchor : null;
    }

    /// <summary>Whether a change of what the intervals say from <paramref name="moment"/> on must drop kept figures: the
    /// moment is settled, or this instance keeps figures as of it or later (so even a clock set back cannot serve stale ones).</summary>
    public bool Affects(DateTimeOffset moment) => IsSettled(moment) || moment.UtcTicks <= Interlocked.Read(ref _latestKeptTicks);

    /// <summary>The kept figures when <paramref name="key"/>'s moment is settled and nothing settled changed since; else
    /// computes them (and keeps them when settled).</summary>
    public Task<Figures> GetOrComputeAsync(AppDbContext db, Key key, Func<Task<Figures>> compute, CancellationToken ct = default) =>
        GetOrComputeAsync(db, key, _ => compute(), ct);

    /// <summary><see cref="GetOrComputeAsync(AppDbContext, Key, Func{Task{Figures}}, CancellationToken)"/>, the computation
    /// being given the figures kept for other keys under the same stamp (null where none), to start from.</summary>
    public async Task<Figures> GetOrComputeAsync(AppDbContext db, Key key, Func<Func<Key, Figures?>, Task<Figures>> compute, CancellationToken ct = default)
    {
        if (!IsSettled(key.AsOfUtc)) return await compute(_ => null);
        // The stamp is read before the figures: a change committed in between makes this entry stale at once.
        var stamp = await db.DataVersions.AsNoTracking().Where(v => v.Key == DataVersion.ReportHistory)
            .Select(v => (Guid?)v.Stamp).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        Figures? Kept(Key k) => _cache.TryGetValue(k, out Entry? e) && e!.Stamp == stamp ? e.Figures : null;
        if (Kept(key) is { } kept) return kept;
        var figures = await compute(Kept);
        var size = figures.Groups.Count + (figures.Marked?.Count ?? 0) + 1;
        if (size <= MaxCells / 4)
        {
            var ticks = key.AsOfUtc.UtcTicks;
            for (var seen = Interlocked.Read(ref _latestKeptTicks); ticks > seen; seen = Interlocked.Read(ref _latestKeptTicks))
                if (Interlocked.CompareExchange(ref _latestKeptTicks, ticks, seen) == seen) break;
            _cache.Set(key, new Entry(stamp, figures), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromHours(12) });
        }
        return figures;
    }

    public void Dispose() => _cache.Dispose();
}
