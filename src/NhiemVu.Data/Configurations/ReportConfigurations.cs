using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NhiemVu.Data.Configurations;

internal sealed class RankingWeightsConfiguration : IEntityTypeConfiguration<RankingWeightsRow>
{
    public void Configure(EntityTypeBuilder<RankingWeightsRow> b)
    {
        b.ToTable("ranking_weights");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        foreach (var p in new[] { nameof(RankingWeightsRow.OnTimeRate), nameof(RankingWeightsRow.CompletionRate), nameof(RankingWeightsRow.TimelyRate),
                     nameof(RankingWeightsRow.PerOverdue), nameof(RankingWeightsRow.PerCompletedLate), nameof(RankingWeightsRow.PerMissingExplanation),
                     nameof(RankingWeightsRow.PerApprovedExtension) })
            b.Property<decimal>(p).HasPrecision(9, 2);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}
