using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NhiemVu.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.StorageName).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.StorageName).IsUnique();
        b.HasIndex(x => new { x.OwnerKind, x.OwnerId });
        b.HasIndex(x => x.AssignmentId);
        b.HasIndex(x => x.DocumentId);
    }
}

public sealed class FileBlobConfiguration : IEntityTypeConfiguration<FileBlob>
{
    public void Configure(EntityTypeBuilder<FileBlob> b)
    {
        b.ToTable("FileBlobs");
        b.HasKey(x => x.StorageName);
        b.Property(x => x.StorageName).HasMaxLength(64);
        b.Property(x => x.Content).IsRequired();
    }
}
