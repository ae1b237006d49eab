using NhiemVu.Domain.Reports;

namespace NhiemVu.Data;

/// <summary>
/// The emulation ranking's weights an administrator set for one calendar year (seed 002 art. 8.2).
/// One row per year, so that editing next year's weights never changes a past year's ranking.
/// A year without a row uses the nearest earlier year's row, else the configuration's defaults.
/// </summary>
public sealed class RankingWeightsRow
{
    public int Year { get; set; }
    public decimal OnTimeRate { get; set; }
    public decimal CompletionRate { get; set; }
    public decimal TimelyRate { get; set; }
    public decimal PerOverdue { get; set; }
    public decimal PerCompletedLate { get; set; }
    public decimal PerMissingExplanation { get; set; }
    public decimal PerApprovedExtension { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public EmulationWeights ToWeights() =>
        new(OnTimeRate, CompletionRate, TimelyRate, PerOverdue, PerCompletedLate, PerMissingExplanation, PerApprovedExtension);

    public void Set(EmulationWeights w)
    {
        (OnTimeRate, CompletionRate, TimelyRate, PerOverdue) = (w.OnTimeRate, w.CompletionRate, w.TimelyRate, w.PerOverdue);
        (PerCompletedLate, PerMissingExplanation, PerApprovedExtension) = (w.PerCompletedLate, w.PerMissingExplanation, w.PerApprovedExtension);
    }
}
