using System.Diagnostics;
using Microsoft.Extensions.Options;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Infrastructure.Caching;

namespace NhiemVu.Bench;

/// <summary>
/// Where the time of one statistics report goes, in this process (no HTTP): the load (SQL + materialization),
/// the as-of computation, the naming. `profile-reports --provider … --connection … [--months 12] [--repeat 3]`.
/// </summary>
public static class ReportProfile
{
    public static async Task<int> RunAsync(Options o)
    {
        var months = o.Int("months", 12);
        var repeat = o.Int("repeat", 3);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(7));
        var last = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var period = new ReportPeriod(new DateOnly(last.Year, last.Month, 1).AddMonths(1 - months), last);
        var asOf = NhiemVu.Domain.Common.ProvinceTime.StartOfDayUtc(last.AddDays(1)).AddTicks(-1);
        for (var i = 0; i < repeat; i++)
        {
            await using var db = Db.Create(o.Provider, o.Required("connection"));
            var q = new ReportQueries(db, TimeProvider.System, null!, new NameCache(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new CachingOptions())));
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var gc0 = GC.CollectionCount(2);
            var sw = Stopwatch.StartNew();
            var (assignments, items) = await q.LoadAsync(period, asOf, includeSecret: true);
            var tLoad = sw.Elapsed.TotalMilliseconds;
            var report = AsOfStatistics.Compute(assignments, period, asOf, AsOfOptions.Default);
            var tCompute = sw.Elapsed.TotalMilliseconds;
            var named = await q.NameAsync(report, ReportDimension.Unit, items);
            var tName = sw.Elapsed.TotalMilliseconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            Console.WriteLine($"{period.From}..{period.To} as of {asOf:u}: {assignments.Count:N0} assignments loaded, " +
                              $"{assignments.Sum(a => a.Events.Count):N0} events, {report.Rows.Count:N0} counted, {named.Groups.Count} groups; " +
                              $"load {tLoad:F0} ms, compute {tCompute - tLoad:F0} ms, name {tName - tCompute:F0} ms; CPU {cpu:F0} ms; gen2 GCs {GC.CollectionCount(2) - gc0}; " +
                              $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }
}
