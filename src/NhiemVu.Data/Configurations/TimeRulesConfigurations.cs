using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Domain.Units;

namespace NhiemVu.Data.Configurations;

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverrideRow>
{
    public void Configure(EntityTypeBuilder<CalendarOverrideRow> b)
    {
        b.ToTable("calendar_overrides");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Date).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("data_versions");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
    }
}

internal sealed class BriefingMeetingConfiguration : IEntityTypeConfiguration<BriefingMeeting>
{
    public void Configure(EntityTypeBuilder<BriefingMeeting> b)
    {
        b.ToTable("briefing_meetings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(BriefingMeeting.MaxTitleLength);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(x => x.EndsAt);
    }
}

internal sealed class LockExemptionConfiguration : IEntityTypeConfiguration<LockExemption>
{
    public void Configure(EntityTypeBuilder<LockExemption> b)
    {
        b.ToTable("lock_exemptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(LockExemption.MaxReasonLength);
        b.HasOne<BriefingMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.GrantedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeetingId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class DocumentEntryRecordConfiguration : IEntityTypeConfiguration<DocumentEntryRecord>
{
    public void Configure(EntityTypeBuilder<DocumentEntryRecord> b)
    {
        b.ToTable("document_entry_timeliness");
        b.HasKey(x => x.DocumentId);
        b.Property(x => x.DocumentId).ValueGeneratedNever();
        b.HasOne<Domain.Directives.DirectiveDocument>().WithOne().HasForeignKey<DocumentEntryRecord>(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Rule).HasMaxLength(64);
        b.HasIndex(x => new { x.EnteredByUserId, x.EnteredAtUtc });
        b.HasIndex(x => x.EnteredAtUtc);
    }
}

internal sealed class ReportTimelinessRecordConfiguration : IEntityTypeConfiguration<ReportTimelinessRecord>
{
    public void Configure(EntityTypeBuilder<ReportTimelinessRecord> b)
    {
        b.ToTable("report_timeliness");
        b.HasKey(x => x.ReportId);
        b.Property(x => x.ReportId).ValueGeneratedNever();
        b.HasOne<Domain.Assignments.AssignmentReport>().WithOne().HasForeignKey<ReportTimelinessRecord>(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.EntryRule).HasMaxLength(64);
        b.HasIndex(x => x.AssignmentId);
        b.HasIndex(x => new { x.UnitId, x.EnteredAtUtc });
        b.HasIndex(x => x.EnteredAtUtc);
        b.HasIndex(x => new { x.ReviewedByUserId, x.ReviewedAtUtc });
    }
}
