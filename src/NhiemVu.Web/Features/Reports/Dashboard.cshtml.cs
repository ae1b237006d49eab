using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/dashboard: the leaders' overview (provincial leaders land here from /).</summary>
public sealed class DashboardModel(Dashboard dashboard) : PageModel
{
    public DashboardView V { get; private set; } = null!;

    public async Task OnGetAsync() => V = await dashboard.GetAsync();

    public string Rows(string query, string key, ReportMeasure m) => $"/reports/rows?{query}&key={Uri.EscapeDataString(key)}&measure={m}";

    public string MonthRows(MonthPoint p, ReportMeasure m) =>
        Rows(ReportParams.Query(ReportPeriod.Month(p.Year, p.Month), p.AsOfUtc, ReportDimension.Unit), "*", m);
}
