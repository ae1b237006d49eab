namespace NhiemVu.Data;

/// <summary>What a stored file is attached to.</summary>
public enum FileOwnerKind
{
    /// <summary>A directive document (the signed file or another file).</summary>
    Document = 0,
    /// <summary>A result report (the signed or scanned report).</summary>
    Report = 1,
    /// <summary>A progress note (an AssignmentEvent of kind ProgressPosted).</summary>
    Progress = 2,
}

/// <summary>
/// An uploaded file's metadata. The bytes live in <see cref="FileBlob"/> (default) or in a shared
/// directory under <see cref="StorageName"/>, a server-generated name; the user's name is only shown.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public FileOwnerKind OwnerKind { get; set; }
    /// <summary>The document it belongs to (for Document) — or the assignment's document, for access checks.</summary>
    public Guid? DocumentId { get; set; }
    public Guid? AssignmentId { get; set; }
    /// <summary>The report id (Report) or progress event id (Progress); the document id for Document.</summary>
    public Guid OwnerId { get; set; }
    /// <summary>The signed (or scanned signed) copy rather than an accompanying file.</summary>
    public bool IsSigned { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public string StorageName { get; set; } = "";
    public DateTimeOffset UploadedAtUtc { get; set; }
    public Guid UploadedByUserId { get; set; }
}

/// <summary>File content kept in the database (the default store), keyed by the storage name.</summary>
public sealed class FileBlob
{
    public string StorageName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
