using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NhiemVu.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(Notification.MaxTitleLength);
        b.Property(x => x.Link).HasMaxLength(Notification.MaxLinkLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ReadAtUtc, x.CreatedAtUtc });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("notification_preferences");
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestRecordConfiguration : IEntityTypeConfiguration<DigestRecord>
{
    public void Configure(EntityTypeBuilder<DigestRecord> b)
    {
        b.ToTable("digest_records");
        b.HasKey(x => new { x.UserId, x.LocalDate });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.To).HasMaxLength(256);
        b.Property(x => x.Subject).HasMaxLength(512);
        b.Property(x => x.LastError).HasMaxLength(1024);
        b.HasIndex(x => new { x.SentAtUtc, x.NextAttemptAtUtc });
    }
}
