using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/reports/ranking?year=: the annual emulation ranking (weights from Reports:Weights in configuration).</summary>
public sealed class RankingModel(ReportQueries q, IOptions<ReportOptions> o) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<EmulationEntry> Entries { get; private set; } = [];
    public EmulationWeights Weights => o.Value.Weights.ToWeights();
    public int Y { get; private set; }

    public async Task OnGetAsync()
    {
        Y = Year ?? ProvinceTime.LocalDate(q.Now).Year;
        Entries = await ReportEndpoints.Ranking(Y, q, o.Value);
    }
}
