using Microsoft.AspNetCore.Mvc;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Files;

public static class FileEndpoints
{
    /// <summary>Multipart uploads (form field "file") and downloads; mapped under /api.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var docs = api.MapGroup("/documents").WithTags("Tệp đính kèm");
        docs.MapPost("/{id:guid}/files", async (Guid id, IFormFile? file, [FromForm] bool? signed, FileHandlers h) =>
                TypedResults.Ok(await h.AttachToDocumentAsync(id, await h.CheckAsync(file), signed ?? false)))
            .WithSummary("Đính kèm tệp vào văn bản chỉ đạo (multipart: file, signed=true cho bản có chữ ký); PDF, DOC, DOCX, XLS, XLSX, PNG, JPEG, kiểm tra theo nội dung")
            .DisableAntiforgery().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        docs.MapGet("/{id:guid}/files", async (Guid id, FileHandlers h) => TypedResults.Ok(await h.ForDocumentAsync(id)))
            .WithSummary("Tệp đính kèm của văn bản chỉ đạo");

        var asg = api.MapGroup("/assignments").WithTags("Tệp đính kèm");
        asg.MapPost("/{id:guid}/files", async (Guid id, IFormFile? file, [FromForm] FileOwnerKind? kind, FileHandlers h) =>
                TypedResults.Ok(await h.AttachToAssignmentAsync(id, kind ?? FileOwnerKind.Report, await h.CheckAsync(file))))
            .WithSummary("Đơn vị chủ trì đính kèm tệp vào báo cáo kết quả mới nhất (kind=Report: bản ký hoặc bản scan) hoặc cập nhật tiến độ mới nhất (kind=Progress)")
            .DisableAntiforgery().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        asg.MapGet("/{id:guid}/files", async (Guid id, FileHandlers h) => TypedResults.Ok(await h.ForAssignmentAsync(id)))
            .WithSummary("Tệp của nhiệm vụ: của văn bản chỉ đạo, các báo cáo và cập nhật tiến độ");

        api.MapGet("/files/{id:guid}", async (Guid id, FileHandlers h, HttpContext http) =>
            {
                var (f, content) = await h.DownloadAsync(id);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                // FileName → Content-Disposition: attachment; filename=…; filename*=UTF-8''… (RFC 6266).
                return TypedResults.File(content, f.ContentType, f.FileName);
            })
            .WithTags("Tệp đính kèm").WithSummary("Tải tệp (chỉ người xem được văn bản hoặc nhiệm vụ của tệp)").ProducesProblem(404);
    }
}
