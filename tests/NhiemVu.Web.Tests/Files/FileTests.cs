using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;

namespace NhiemVu.Web.Tests.Files;

public sealed record FileDto(Guid Id, string OwnerKind, Guid OwnerId, bool IsSigned, string FileName, string ContentType, long SizeBytes, string Sha256, string Url);

/// <summary>Attachments: checked by content and size, hashed, stored, downloadable only by those who may see them.</summary>
public abstract class FileTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    public static byte[] Pdf(string text = "hello") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static byte[] Docx()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                s.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            using (var s = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) s.Write("<w:document/>");
        }
        return ms.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] content, string name, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        return form;
    }

    private async Task<int> CountFilesAsync(Guid documentId) =>
        (await (await (await w.As("vp.cv1")).GetAsync($"/api/documents/{documentId}/files")).Read<List<FileDto>>()).Count;

    [Fact]
    public async Task Signed_pdf_on_a_document_keeps_its_SHA256_and_downloads_with_a_Vietnamese_filename()
    {
        var doc = await w.EnterDocument("Tệp văn bản có chữ ký", ["sotp"]);
        var content = Pdf("signed");
        var res = await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc.Document.Id}/files",
            Form(content, "Công văn số 12 – Sở Tư pháp.pdf", ("signed", "true")));
        var f = await res.Read<FileDto>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), f.Sha256);
        Assert.Equal("application/pdf", f.ContentType);
        Assert.True(f.IsSigned);
        Assert.Equal(content.Length, f.SizeBytes);

        // The lead unit may download it (the document assigns it something).
        var dl = await (await w.As("sotp.daumoi")).GetAsync($"/api/files/{f.Id}");
        Assert.Equal(HttpStatusCode.OK, dl.StatusCode);
        Assert.Equal(content, await dl.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", dl.Headers.GetValues("X-Content-Type-Options").Single());
        var cd = dl.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", cd.DispositionType);
        Assert.Equal("Công văn số 12 – Sở Tư pháp.pdf", cd.FileNameStar);
        Assert.Contains("filename*=UTF-8''C%C3%B4ng", dl.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await dl.Content.ReadAsByteArrayAsync())), f.Sha256);
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_and_nothing_is_stored()
    {
        var doc = await w.EnterDocument("Tệp giả mạo", ["sotp"]);
        var exe = new byte[4096];
        exe[0] = (byte)'M'; exe[1] = (byte)'Z';
        var res = await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc.Document.Id}/files", Form(exe, "bao-cao.pdf"));
        var problem = await res.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("PDF", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountFilesAsync(doc.Document.Id));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var doc = await w.EnterDocument("Tệp quá lớn", ["sotp"]);
        var big = new byte[21 * 1024 * 1024];
        Pdf().CopyTo(big, 0);
        var res = await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc.Document.Id}/files", Form(big, "lon.pdf"));
        var problem = await res.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountFilesAsync(doc.Document.Id));
    }

    [Fact]
    public async Task Report_file_is_hidden_from_a_unit_that_cannot_see_the_assignment()
    {
        var doc = await w.EnterDocument("Tệp báo cáo", ["soct"], ["sotc"]);
        var id = doc.Tasks[0].Assignments[0].Id;
        await (await w.Act("soct.daumoi", id, "reports", s => w.ReportToday(s, "file-1"))).Read<JsonElement>();
        var docx = Docx();
        var f = await (await (await w.As("soct.daumoi")).PostAsync($"/api/assignments/{id}/files",
            Form(docx, "Báo cáo kết quả.docx", ("kind", "Report")))).Read<FileDto>();
        Assert.Equal("Report", f.OwnerKind);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", f.ContentType);

        Assert.Equal(HttpStatusCode.OK, (await (await w.As("vp.cv1")).GetAsync($"/api/files/{f.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await w.As("sotc.daumoi")).GetAsync($"/api/files/{f.Id}")).StatusCode);
        await (await (await w.As("xlapvo.daumoi")).GetAsync($"/api/files/{f.Id}")).Problem(HttpStatusCode.NotFound);
        // Nor may a cooperating unit attach to the lead unit's report.
        await (await (await w.As("sotc.daumoi")).PostAsync($"/api/assignments/{id}/files", Form(Pdf(), "x.pdf", ("kind", "Report"))))
            .Problem(HttpStatusCode.Forbidden);
        var list = await (await (await w.As("soct.daumoi")).GetAsync($"/api/assignments/{id}/files")).Read<List<FileDto>>();
        Assert.Contains(list, x => x.Id == f.Id);
    }

    [Fact]
    public async Task Progress_note_takes_a_png()
    {
        var id = (await w.EnterDocument("Tệp tiến độ", ["sotp"])).Tasks[0].Assignments[0].Id;
        await (await w.Act("sotp.daumoi", id, "progress", s => new { text = "Đã khảo sát", percent = 30, concurrencyStamp = s })).Read<JsonElement>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var f = await (await (await w.As("sotp.daumoi")).PostAsync($"/api/assignments/{id}/files", Form(png, "anh.png", ("kind", "Progress")))).Read<FileDto>();
        Assert.Equal("Progress", f.OwnerKind);
        Assert.Equal("image/png", f.ContentType);
    }
}

public sealed class FileTests_Sqlite(SqliteApp app) : FileTests<SqliteApp>(app);
public sealed class FileTests_Postgres(PostgresApp app) : FileTests<PostgresApp>(app);

/// <summary>The same tests with files in a shared directory instead of the database.</summary>
public sealed class SqliteDirectoryFilesApp() : AppFixture(DbProvider.Sqlite)
{
    public string FileDirectory { get; } = Path.Combine(Path.GetTempPath(), $"nhiemvu-files-{Guid.NewGuid():N}");
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Files:Directory"] = FileDirectory };
}

public sealed class FileTests_SqliteDirectory(SqliteDirectoryFilesApp app) : FileTests<SqliteDirectoryFilesApp>(app)
{
    [Fact]
    public async Task Bytes_are_in_the_directory_under_a_generated_name()
    {
        var w = new WorkflowDriver(app);
        var doc = await w.EnterDocument("Tệp trong thư mục", ["sotp"]);
        await (await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc.Document.Id}/files",
            new MultipartFormDataContent { { new ByteArrayContent(Pdf("dir")), "file", "../../etc/passwd.pdf" } })).Read<FileDto>();
        var files = Directory.GetFiles(app.FileDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(f)));
    }
}
