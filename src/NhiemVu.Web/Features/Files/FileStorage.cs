using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Files;

/// <summary>Settings under "Files".</summary>
public sealed class FileOptions
{
    /// <summary>Largest accepted file.</summary>
    public int MaxMegabytes { get; set; } = 20;
    /// <summary>A directory every instance reaches (shared volume); empty: files are kept in the database.</summary>
    public string? Directory { get; set; }
    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}

/// <summary>Where file bytes live. Writes join the caller's DbContext transaction where they can.</summary>
public interface IFileStorage
{
    Task SaveAsync(AppDbContext db, string storageName, byte[] content);
    Task<byte[]?> ReadAsync(AppDbContext db, string storageName);
    /// <summary>Removes bytes written for a save that did not commit (directory store only).</summary>
    void Discard(string storageName);
}

/// <summary>The default: a blob table, saved in the same transaction as the metadata.</summary>
public sealed class DatabaseFileStorage : IFileStorage
{
    public Task SaveAsync(AppDbContext db, string storageName, byte[] content)
    {
        db.FileBlobs.Add(new FileBlob { StorageName = storageName, Content = content });
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(AppDbContext db, string storageName) =>
        await db.FileBlobs.AsNoTracking().Where(b => b.StorageName == storageName).Select(b => b.Content).FirstOrDefaultAsync();

    public void Discard(string storageName) { }
}

/// <summary>A configured shared directory; names are server-generated (hex), never the user's.</summary>
public sealed class DirectoryFileStorage(string directory) : IFileStorage
{
    private string PathOf(string storageName) =>
        storageName.All(Uri.IsHexDigit) ? Path.Combine(directory, storageName[..2], storageName)
            : throw new ArgumentException("Invalid storage name.", nameof(storageName));

    public async Task SaveAsync(AppDbContext db, string storageName, byte[] content)
    {
        var path = PathOf(storageName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + ".tmp";
        await File.WriteAllBytesAsync(tmp, content);
        File.Move(tmp, path, overwrite: false);
    }

    public async Task<byte[]?> ReadAsync(AppDbContext db, string storageName)
    {
        var path = PathOf(storageName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
    }

    public void Discard(string storageName)
    {
        try { File.Delete(PathOf(storageName)); } catch (IOException) { }
    }
}
