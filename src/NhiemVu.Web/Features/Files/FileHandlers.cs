using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Files;

public sealed record FileView(Guid Id, FileOwnerKind OwnerKind, Guid OwnerId, bool IsSigned, string FileName, string ContentType,
    long SizeBytes, string Sha256, DateTimeOffset UploadedAtUtc, string Url);

/// <summary>A file as received, already read, checked by content and hashed; nothing is stored yet.</summary>
public sealed record CheckedFile(string FileName, FileSniffer.Kind Kind, byte[] Content, string Sha256);

/// <summary>
/// Attachments on documents, result reports and progress notes. Files are checked by content
/// (not by name) and size before anything is written; downloads follow the same visibility as the
/// document or assignment they belong to (404 otherwise).
/// </summary>
public sealed class FileHandlers(AppDbContext db, IFileStorage storage, IOptions<FileOptions> options, WorkflowUser user, TimeProvider clock)
{
    public const string Field = "file";

    /// <summary>Reads and checks an upload; throws a validation error (400) for a refused file.</summary>
    public async Task<CheckedFile> CheckAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) throw new DomainValidationException(Field, "Chưa chọn tệp hoặc tệp rỗng.");
        var max = options.Value.MaxBytes;
        if (file.Length > max)
            throw new DomainValidationException(Field, $"Tệp lớn hơn giới hạn {options.Value.MaxMegabytes} MB.");
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms);
        var content = ms.ToArray();
        if (content.LongLength > max) throw new DomainValidationException(Field, $"Tệp lớn hơn giới hạn {options.Value.MaxMegabytes} MB.");
        var name = CleanName(file.FileName);
        var kind = FileSniffer.Detect(content, name)
            ?? throw new DomainValidationException(Field, "Chỉ nhận tệp PDF, Word (DOC, DOCX), Excel (XLS, XLSX), PNG hoặc JPEG; nội dung tệp này không thuộc loại nào trong số đó.");
        return new CheckedFile(name, kind, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public async Task<IReadOnlyList<CheckedFile>> CheckAllAsync(IEnumerable<IFormFile>? files)
    {
        var list = new List<CheckedFile>();
        foreach (var f in files ?? []) if (f.Length > 0) list.Add(await CheckAsync(f));
        return list;
    }

    /// <summary>The signed file or another file of a document (office only).</summary>
    public async Task<FileView> AttachToDocumentAsync(Guid documentId, CheckedFile file, bool signed)
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng đính kèm tệp vào văn bản chỉ đạo.");
        if (!await db.Documents.AnyAsync(d => d.Id == documentId)) throw new NotFoundException("Không tìm thấy văn bản.");
        return await StoreAsync(file, FileOwnerKind.Document, documentId, documentId, null, signed, me.UserId);
    }

    /// <summary>The lead unit attaches a file to the latest result report or the latest progress note.</summary>
    public async Task<FileView> AttachToAssignmentAsync(Guid assignmentId, FileOwnerKind kind, CheckedFile file)
    {
        var me = await user.GetAsync();
        var (a, coop, documentId) = await LoadAssignmentAsync(assignmentId);
        AssignmentPolicy.Demand(me, a.LeadUnitId, coop, AssignmentOperation.Progress);
        Guid ownerId = kind switch
        {
            FileOwnerKind.Report => await db.AssignmentReports.Where(r => r.AssignmentId == assignmentId)
                .OrderByDescending(r => r.SubmittedAtUtc).Select(r => (Guid?)r.Id).FirstOrDefaultAsync()
                ?? throw new DomainValidationException("kind", "Nhiệm vụ chưa có báo cáo kết quả để đính kèm tệp."),
            FileOwnerKind.Progress => await db.AssignmentEvents.Where(e => e.AssignmentId == assignmentId && e.Kind == AssignmentEventKind.ProgressPosted)
                .OrderByDescending(e => e.Sequence).Select(e => (Guid?)e.Id).FirstOrDefaultAsync()
                ?? throw new DomainValidationException("kind", "Nhiệm vụ chưa có cập nhật tiến độ để đính kèm tệp."),
            _ => throw new DomainValidationException("kind", "Loại đính kèm phải là Report hoặc Progress."),
        };
        return await StoreAsync(file, kind, ownerId, documentId, assignmentId, kind == FileOwnerKind.Report, me.UserId);
    }

    public async Task<IReadOnlyList<FileView>> ForAssignmentAsync(Guid assignmentId)
    {
        var me = await user.GetAsync();
        var (a, coop, documentId) = await LoadAssignmentAsync(assignmentId);
        AssignmentPolicy.Demand(me, a.LeadUnitId, coop, AssignmentOperation.View);
        var rows = await db.StoredFiles.AsNoTracking()
            .Where(f => f.AssignmentId == assignmentId || (f.OwnerKind == FileOwnerKind.Document && f.DocumentId == documentId)).ToListAsync();
        return rows.OrderBy(f => f.UploadedAtUtc).Select(ToView).ToList();
    }

    public async Task<IReadOnlyList<FileView>> ForDocumentAsync(Guid documentId)
    {
        await DemandDocumentAsync(documentId);
        var rows = await db.StoredFiles.AsNoTracking().Where(f => f.OwnerKind == FileOwnerKind.Document && f.DocumentId == documentId).ToListAsync();
        return rows.OrderBy(f => f.UploadedAtUtc).Select(ToView).ToList();
    }

    /// <summary>The file and its bytes, for a user who may see what it belongs to; 404 otherwise.</summary>
    public async Task<(StoredFile File, byte[] Content)> DownloadAsync(Guid fileId)
    {
        var f = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId) ?? throw new NotFoundException("Không tìm thấy tệp.");
        try
        {
            if (f.AssignmentId is { } aid)
            {
                var me = await user.GetAsync();
                var (a, coop, _) = await LoadAssignmentAsync(aid);
                AssignmentPolicy.Demand(me, a.LeadUnitId, coop, AssignmentOperation.View);
            }
            else await DemandDocumentAsync(f.DocumentId ?? Guid.Empty);
        }
        catch (NotFoundException) { throw new NotFoundException("Không tìm thấy tệp."); }
        var content = await storage.ReadAsync(db, f.StorageName) ?? throw new NotFoundException("Không tìm thấy nội dung tệp.");
        return (f, content);
    }

    private async Task<FileView> StoreAsync(CheckedFile file, FileOwnerKind kind, Guid ownerId, Guid? documentId, Guid? assignmentId, bool signed, Guid by)
    {
        var storageName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var row = new StoredFile
        {
            Id = Guid.CreateVersion7(), OwnerKind = kind, OwnerId = ownerId, DocumentId = documentId, AssignmentId = assignmentId,
            IsSigned = signed, FileName = file.FileName, ContentType = file.Kind.ContentType, SizeBytes = file.Content.LongLength,
            Sha256 = file.Sha256, StorageName = storageName, UploadedAtUtc = clock.GetUtcNow(), UploadedByUserId = by,
        };
        await storage.SaveAsync(db, storageName, file.Content);
        db.StoredFiles.Add(row);
        try { await db.SaveChangesAsync(); }
        catch
        {
            storage.Discard(storageName);
            throw;
        }
        return ToView(row);
    }

    private async Task<(Assignment A, List<Guid> Coop, Guid DocumentId)> LoadAssignmentAsync(Guid id)
    {
        var a = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id) ?? throw new NotFoundException("Không tìm thấy nhiệm vụ.");
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == a.TaskId).Select(t => new { t.DocumentId }).FirstAsync();
        var coop = await db.TaskCooperatingUnits.Where(c => c.DirectiveTaskId == a.TaskId).Select(c => c.UnitId).ToListAsync();
        return (a, coop, task.DocumentId);
    }

    /// <summary>Office and provincial leaders see every document; a unit sees the documents that assign it something.</summary>
    private async Task DemandDocumentAsync(Guid documentId)
    {
        var me = await user.GetAsync();
        if (!await db.Documents.AnyAsync(d => d.Id == documentId)) throw new NotFoundException("Không tìm thấy văn bản.");
        if (me.SeesAll) return;
        var taskIds = db.Tasks.Where(t => t.DocumentId == documentId).Select(t => t.Id);
        var involved = me.IsUnitMember && (
            await db.Assignments.AnyAsync(a => taskIds.Contains(a.TaskId) && a.LeadUnitId == me.UnitId)
            || await db.TaskCooperatingUnits.AnyAsync(c => taskIds.Contains(c.DirectiveTaskId) && c.UnitId == me.UnitId));
        if (!involved) throw new NotFoundException("Không tìm thấy văn bản.");
    }

    private static FileView ToView(StoredFile f) => new(f.Id, f.OwnerKind, f.OwnerId, f.IsSigned, f.FileName, f.ContentType, f.SizeBytes,
        f.Sha256, f.UploadedAtUtc, $"/api/files/{f.Id}");

    /// <summary>The user's name, without any path, control characters or excessive length (shown and sent back only).</summary>
    private static string CleanName(string? name)
    {
        var n = Path.GetFileName((name ?? "").Replace('\\', '/'));
        n = new string(n.Where(ch => !char.IsControl(ch) && ch is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (n.Length == 0) n = "tep";
        if (n.Length > 200) n = n[^200..];
        return n.Normalize(System.Text.NormalizationForm.FormC);
    }
}
