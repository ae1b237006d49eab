using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Infrastructure.Caching;

namespace NhiemVu.Bench;

/// <summary>
/// Where the time of one statistics report goes, in this process (no HTTP): the year's statistics by unit, the last month's,
/// and its overdue list (all counted by the database from the report intervals). `profile-reports --provider … --connection … [--months 12] [--repeat 3]`.
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
            // A fresh cache each round and no figures kept in the database: this measures the full count, not the kept figures.
            await db.KeptReportFigures.ExecuteDeleteAsync();
            using var settled = new SettledReportCache(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SettledReportCache>.Instance);
            var q = new ReportQueries(db, TimeProvider.System, null!, new NameCache(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new CachingOptions())), settled);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var year = await q.ComputeAsync(period, asOf, ReportDimension.Unit, includeSecret: true);
            var tYear = sw.Elapsed.TotalMilliseconds;
            var month = await q.ComputeAsync(ReportPeriod.Month(last.Year, last.Month), asOf, ReportDimension.Unit, includeSecret: true);
            var tMonth = sw.Elapsed.TotalMilliseconds;
            var overdue = await q.RowsAsync(month.Period, asOf, ReportDimension.Unit, "*", ReportMeasure.InProgressOverdue, ReportOutputs.MonthlyOverdueLimit);
            var tRows = sw.Elapsed.TotalMilliseconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            Console.WriteLine($"{period.From}..{period.To} as of {asOf:u}: {year.Total.Total:N0} counted in {year.Groups.Count} groups ({year.IncompleteCount:N0} incomplete): {tYear:F0} ms; " +
                              $"last month {month.Total.Total:N0} counted: {tMonth - tYear:F0} ms; its overdue list ({overdue.Items.Count} of {overdue.Total:N0}): {tRows - tMonth:F0} ms; " +
                              $"app CPU {cpu:F0} ms; managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }
}
