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

internal sealed class AssignmentReportIntervalConfiguration : IEntityTypeConfiguration<AssignmentReportInterval>
{
    public void Configure(EntityTypeBuilder<AssignmentReportInterval> b)
    {
        b.ToTable("assignment_report_intervals");
        b.HasKey(x => new { x.AssignmentId, x.Index });
        b.Property(x => x.Index).ValueGeneratedNever();
        b.HasOne<Domain.Assignments.Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.BaseClass).HasConversion<int>();
        b.Ignore(x => x.Keys);
        // The four ways an interval enters a period (see the web layer's ReportFacts): deadline in the period;
        // no deadline and assigned in it; carried over, open; carried over, reported on or after its first day.
        // Partial, so that the no-deadline reads cannot take it for "DeadlineDay IS NULL" (SQLite did, with or without
        // statistics: 243 k entries at L where the no-deadline index reads 5.5 k); a deadline range implies the filter.
        b.HasIndex(x => new { x.DeadlineDay, x.ValidToUtc, x.ValidFromUtc }).HasDatabaseName("IX_report_intervals_deadline")
            .HasFilter("\"DeadlineDay\" IS NOT NULL");
        b.HasIndex(x => new { x.AssignedDay, x.ValidToUtc }).HasDatabaseName("IX_report_intervals_no_deadline").HasFilter("\"DeadlineDay\" IS NULL");
        b.HasIndex(x => new { x.BaseClass, x.ValidToUtc, x.DeadlineDay }).HasDatabaseName("IX_report_intervals_open");
        b.HasIndex(x => new { x.SubmittedDay, x.DeadlineDay }).HasDatabaseName("IX_report_intervals_submitted").HasFilter("\"SubmittedDay\" IS NOT NULL");
        // The changes between two moments (an anchored "as of now": ReportFacts.ChangesBetween).
        b.HasIndex(x => x.ValidFromUtc).HasDatabaseName("IX_report_intervals_valid_from");
        b.HasIndex(x => x.ValidToUtc).HasDatabaseName("IX_report_intervals_valid_to");
        // Open work by deadline: the overdue lists, most overdue first (ReportFacts.OverdueOf).
        b.HasIndex(x => new { x.BaseClass, x.DeadlineDay, x.AssignmentId }).HasDatabaseName("IX_report_intervals_overdue");
    }
}

internal sealed class KeptReportFiguresConfiguration : IEntityTypeConfiguration<KeptReportFigures>
{
    public void Configure(EntityTypeBuilder<KeptReportFigures> b)
    {
        b.ToTable("kept_report_figures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Report).HasMaxLength(300);
        // One row per report and moment; "the latest kept moment before T" reads this index backwards.
        b.HasIndex(x => new { x.Report, x.AsOfUtc }).IsUnique();
    }
}
