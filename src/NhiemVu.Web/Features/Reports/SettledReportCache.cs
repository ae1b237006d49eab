using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NhiemVu.Data;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>
/// The figures of reports as of a settled moment. "As of T" counts what was recorded by T, and the workflow records
/// every change at the moment it happens, so once T is past (by <see cref="SettleTime"/>, longer than any save takes)
/// the figures as of T no longer change: the monthly and yearly reports as of a month's end, the dashboard's past
/// months, a re-opened link — and, through an anchor (<see cref="AnchorFor"/>), every report as of now, which is the
/// kept figures of the last settled hour plus the few changes since.
/// <para>Kept twice: in memory per instance (at most <see cref="MaxCells"/> groups, the least recently used dropped
/// first), and in the database (<see cref="KeptReportFigures"/>), so another instance, or this one after a restart,
/// reads them instead of counting. Figures not kept yet are counted from the latest kept moment of the same report
/// within <see cref="MaxChain"/> before (the caller adds the changes between), so a report is counted in full once,
/// not once a day per instance.</para>
/// <para>The exceptions — a save that changes report intervals at moments already settled (an import of past work, a
/// document made secret or corrected, the start-up backfill) — bump the <see cref="DataVersion.ReportHistory"/> stamp
/// in the same transaction (<see cref="ReportIntervalInterceptor"/>), and every lookup compares that stamp (one read by
/// key), so no instance serves figures from before such a change.</para>
/// </summary>
public sealed class SettledReportCache : IDisposable
{
    /// <summary>How long after T the figures as of T are taken as settled.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    /// <summary>How far back kept figures are a starting point: the changes of a week cost a small share of a full count.</summary>
    public static readonly TimeSpan MaxChain = TimeSpan.FromDays(7);

    /// <summary>The most groups kept, over every cached report (a report by unit has ~300; by document up to 100,000).</summary>
    public const int MaxCells = 200_000;

    /// <summary>The most groups of one report kept in the database (a report by document over a long period is kept in
    /// memory only: hourly anchors of it would fill the table).</summary>
    public const int MaxStoredGroups = 5_000;

    /// <summary>How long figures stay in the database: past it they are counted again when asked (at most monthly), so
    /// moments asked once do not pile up.</summary>
    public static readonly TimeSpan StoredFor = TimeSpan.FromDays(31);

    /// <summary>The version of the counting rules: part of every kept report's name in the database, so figures counted
    /// by an earlier version of the rules are never read. Bump it with any change to what a figure counts.</summary>
    public const int RulesVersion = 1;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCells });
    private readonly TimeProvider _clock;
    private readonly ILogger<SettledReportCache> _log;

    public SettledReportCache(TimeProvider clock, ILogger<SettledReportCache> log) => (_clock, _log) = (clock, log);

    /// <summary>What identifies one computed report's figures.</summary>
    public sealed record Key(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension Dimension, bool IncludeSecret, AsOfOptions Options,
        Guid? DirectingLeader)
    {
        /// <summary>The report without its moment, as the database names it.</summary>
        public string Report =>
            $"v{RulesVersion}|{Period.From:yyyy-MM-dd}|{Period.To:yyyy-MM-dd}|{Dimension}|s{(IncludeSecret ? 1 : 0)}" +
            $"|c{(Options.IncludeCarriedOver ? 1 : 0)}|x{(Options.ExcludeIncomplete ? 1 : 0)}|l{DirectingLeader?.ToString("N") ?? "-"}";
    }

    /// <summary>The figures of one report: the groups and how many assignments were left out for incomplete information.</summary>
    public sealed record Figures(IReadOnlyList<GroupStatistics> Groups, int Incomplete);

    /// <summary>Figures kept for an earlier moment of the same report: a starting point.</summary>
    public sealed record Earlier(DateTimeOffset AsOfUtc, Figures Figures);

    private sealed record Entry(Guid Stamp, Figures Figures);

    private long _latestKeptTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Whether the figures as of <paramref name="asOfUtc"/> can no longer change by the workflow.</summary>
    public bool IsSettled(DateTimeOffset asOfUtc) => asOfUtc <= _clock.GetUtcNow() - SettleTime;

    /// <summary>
    /// For a moment not yet settled: the latest settled whole hour, from which the figures as of the moment are the kept
    /// figures of the anchor plus the changes since (<see cref="ReportFacts.ChangesBetween"/> on the same local day,
    /// <see cref="ReportFacts.ChangesAcross"/> from the day before, in the first hour of a day); null for a settled moment.
    /// </summary>
    public DateTimeOffset? AnchorFor(DateTimeOffset asOfUtc)
    {
        var now = _clock.GetUtcNow();
        if (IsSettled(asOfUtc)) return null;
        var latest = (asOfUtc < now ? asOfUtc : now) - SettleTime;
        return new DateTimeOffset(latest.UtcTicks - latest.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }

    /// <summary>Whether a change of what the intervals say from <paramref name="moment"/> on must drop kept figures: the
    /// moment is settled, or this instance keeps figures as of it or later (so even a clock set back cannot serve stale ones).</summary>
    public bool Affects(DateTimeOffset moment) => IsSettled(moment) || moment.UtcTicks <= Interlocked.Read(ref _latestKeptTicks);

    /// <summary>The kept figures when <paramref name="key"/>'s moment is settled and nothing settled changed since (in memory,
    /// else in the database); else computes them — given the latest figures kept for an earlier moment of the same report
    /// under the same stamp, within <see cref="MaxChain"/> (null when none), to start from — and keeps them when settled.</summary>
    public async Task<Figures> GetOrComputeAsync(AppDbContext db, Key key, Func<Earlier?, Task<Figures>> compute, CancellationToken ct = default)
    {
        if (!IsSettled(key.AsOfUtc)) return await compute(null);
        // The stamp is read before the figures: a change committed in between makes this entry stale at once.
        var stamp = await db.DataVersions.AsNoTracking().Where(v => v.Key == DataVersion.ReportHistory)
            .Select(v => (Guid?)v.Stamp).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        if (_cache.TryGetValue(key, out Entry? e) && e!.Stamp == stamp) return e.Figures;

        var report = key.Report;
        var asOf = key.AsOfUtc;
        var notBefore = asOf - MaxChain;
        var latest = await db.KeptReportFigures.AsNoTracking()
            .Where(r => r.Report == report && r.AsOfUtc <= asOf && r.AsOfUtc >= notBefore && r.Stamp == stamp)
            .OrderByDescending(r => r.AsOfUtc).Select(r => new { r.AsOfUtc, r.Figures }).FirstOrDefaultAsync(ct);
        var earlier = latest is null ? null : new Earlier(latest.AsOfUtc, FiguresCodec.Decode(latest.Figures, key.Dimension));
        if (earlier?.AsOfUtc == asOf)
        {
            Remember(key, stamp, earlier.Figures);
            return earlier.Figures;
        }
        var figures = await compute(earlier);
        if (Remember(key, stamp, figures) && figures.Groups.Count <= MaxStoredGroups) await StoreAsync(db, key, stamp, figures, ct);
        return figures;
    }

    private bool Remember(Key key, Guid stamp, Figures figures)
    {
        var size = figures.Groups.Count + 1;
        if (size > MaxCells / 4) return false;
        var ticks = key.AsOfUtc.UtcTicks;
        for (var seen = Interlocked.Read(ref _latestKeptTicks); ticks > seen; seen = Interlocked.Read(ref _latestKeptTicks))
            if (Interlocked.CompareExchange(ref _latestKeptTicks, ticks, seen) == seen) break;
        _cache.Set(key, new Entry(stamp, figures), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromHours(12) });
        return true;
    }

    /// <summary>Keeps the figures in the database (unless the request's context has its own changes pending, which a save
    /// here would commit). Another instance keeping the same report and moment first is not an error. Rows counted under
    /// another stamp, this report's rows older than <see cref="MaxChain"/> before this moment, and rows kept longer than
    /// <see cref="StoredFor"/> are deleted.</summary>
    private async Task StoreAsync(AppDbContext db, Key key, Guid stamp, Figures figures, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges()) return;
        var report = key.Report;
        var old = key.AsOfUtc - MaxChain;
        var now = _clock.GetUtcNow();
        var expired = now - StoredFor;
        var row = new KeptReportFigures { Report = report, AsOfUtc = key.AsOfUtc, Stamp = stamp, Figures = FiguresCodec.Encode(figures), KeptAtUtc = now };
        try
        {
            await db.KeptReportFigures.Where(r => r.Stamp != stamp || r.KeptAtUtc < expired || (r.Report == report && r.AsOfUtc < old))
                .ExecuteDeleteAsync(ct);
            db.KeptReportFigures.Add(row);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Most likely the same figures kept by another instance a moment ago (the unique report and moment); in any
            // case the report itself is served, and counted again by the next instance that asks.
            _log.LogDebug(ex, "Report figures {Report} as of {AsOf} not kept in the database", report, key.AsOfUtc);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Forgets what this instance keeps in memory (what a restart does); the figures kept in the database stay.</summary>
    public void ForgetInMemory() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}

/// <summary>Report figures as stored in <see cref="KeptReportFigures.Figures"/>: gzipped JSON, one array of counts per group.</summary>
public static class FiguresCodec
{
    public static byte[] Encode(SettledReportCache.Figures figures)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        using (var json = new Utf8JsonWriter(zip))
        {
            json.WriteStartObject();
            json.WriteNumber("incomplete", figures.Incomplete);
            WriteGroups(json, "groups", figures.Groups);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static SettledReportCache.Figures Decode(byte[] data, ReportDimension dimension)
    {
        using var zip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(zip);
        var root = doc.RootElement;
        return new SettledReportCache.Figures(ReadGroups(root.GetProperty("groups"), dimension), root.GetProperty("incomplete").GetInt32());
    }

    private static void WriteGroups(Utf8JsonWriter json, string name, IReadOnlyList<GroupStatistics> groups)
    {
        json.WriteStartArray(name);
        foreach (var g in groups)
        {
            json.WriteStartArray();
            json.WriteStringValue(g.Key.Value);
            foreach (var n in Counts(g)) json.WriteNumberValue(n);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static int[] Counts(GroupStatistics g) =>
    [
        g.Total, g.CompletedEarly, g.CompletedOnTime, g.CompletedLate, g.InProgressWithinDeadline, g.InProgressOverdue, g.NoDeadline,
        g.NoDeadlineCompleted, g.AwaitingConfirmation, g.CarriedOver, g.ApprovedExtensions, g.AssignmentsExtended, g.MissingExplanation,
        g.ReportsEntered, g.ReportsEnteredInTime, g.AssignmentsWithReportEntry, g.AssignmentsWithLateReportEntry,
    ];

    private static List<GroupStatistics> ReadGroups(JsonElement array, ReportDimension dimension) =>
        array.EnumerateArray().Select(a =>
        {
            var n = a.EnumerateArray().Skip(1).Select(x => x.GetInt32()).ToArray();
            return new GroupStatistics(new GroupKey(dimension, a[0].GetString()!), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9],
                n[10], n[11], n[12], n[13], n[14], n[15], n[16]);
        }).ToList();
}
