using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Features.Reports;

/// <summary>/reports/ranking?year=: the annual emulation ranking, with the weights of the year (set on /admin/ranking-weights).</summary>
public sealed class RankingModel(ReportQueries q, RankingWeightsHandlers wh) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<EmulationEntry> Entries { get; private set; } = [];
    public RankingWeightsDto Used { get; private set; } = null!;
    public EmulationWeights Weights => Used.Weights;
    public int Y { get; private set; }

    public async Task OnGetAsync()
    {
        Y = Year ?? ProvinceTime.LocalDate(q.Now).Year;
        if (Y is < RankingWeightsHandlers.MinYear or > RankingWeightsHandlers.MaxYear) Y = ProvinceTime.LocalDate(q.Now).Year;
        (Entries, Used) = await ReportEndpoints.Ranking(Y, q, wh);
    }
}
