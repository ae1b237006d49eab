using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/reports: the table of figures for a period as of a moment; every figure links to the rows behind it.</summary>
public sealed class IndexModel(ReportQueries q) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportParams P { get; set; } = new();
    public ReportResult Result { get; private set; } = null!;
    public string Query { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = ProvinceTime.LocalDate(q.Now);
        Result = await ReportEndpoints.Run(P, q);
        Query = ReportParams.Query(Result.Period, Result.AsOfUtc, Result.GroupBy);
    }

    public string Rows(string key, ReportMeasure m) => $"/reports/rows?{Query}&key={Uri.EscapeDataString(key)}&measure={m}";
}
