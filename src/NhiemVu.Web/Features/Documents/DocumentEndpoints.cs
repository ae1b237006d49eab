using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NhiemVu.Web.Features.Documents;

public static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Văn bản chỉ đạo");
        g.MapGet("/", async (string? q, int? page, int? pageSize, DocumentHandlers h) => TypedResults.Ok(await h.ListAsync(q, page ?? 1, pageSize ?? 25)))
            .WithSummary("Danh sách văn bản chỉ đạo (tìm không dấu theo số, ký hiệu, trích yếu, nội dung nhiệm vụ)");
        g.MapGet("/{id:guid}", async (Guid id, DocumentHandlers h) => TypedResults.Ok(await h.GetAsync(id)))
            .WithSummary("Một văn bản với các nhiệm vụ và đơn vị được giao");
        g.MapGet("/leaders", async (DocumentHandlers h) => TypedResults.Ok(await h.LeadersAsync()))
            .WithSummary("Lãnh đạo UBND tỉnh có thể là người chỉ đạo");
        g.MapPost("/", async (CreateDocumentCommand c, bool? confirmDuplicate, DocumentHandlers h) =>
            {
                var id = await h.CreateAsync(confirmDuplicate == true ? c with { ConfirmDuplicate = true } : c);
                return TypedResults.Created($"/api/documents/{id}", await h.GetAsync(id));
            })
            .WithSummary("Nhập văn bản chỉ đạo cùng các nhiệm vụ; mỗi đơn vị chủ trì được giao một nhiệm vụ")
            .WithDescription("Nếu nội dung một nhiệm vụ gần trùng (Jaccard trigram ký tự ≥ 0,8, không phân biệt dấu, hoa thường, dấu câu) với nhiệm vụ " +
                "đang mở của cùng đơn vị chủ trì: 409 với code task.near_duplicate và danh sách candidates; gửi lại với confirmDuplicate=true để vẫn lưu.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        g.MapGet("/import/template", () => TemplateFile())
            .WithSummary("Mẫu Excel nhập chương trình công tác (dòng tiêu đề và một dòng ví dụ)");
        g.MapPost("/{id:guid}/import", async (Guid id, IFormFile? file, [FromForm] bool? confirmDuplicate, HttpRequest req, ProgrammeImport h) =>
                TypedResults.Ok(await h.ImportAsync(id, file, confirmDuplicate == true || req.Query["confirmDuplicate"] == "true")))
            .WithSummary("Nhập nhiệm vụ của Chương trình công tác / Kế hoạch từ tệp Excel (multipart: file); dòng lỗi → 400 với errors \"row N\", không nhập dòng nào")
            .WithDescription("Mỗi dòng: nội dung; mã đơn vị chủ trì (;); mã đơn vị phối hợp (;); thời hạn dd/MM/yyyy hoặc ngày Excel; tính chất; quý 1–4; " +
                "lĩnh vực; tên đăng nhập người chỉ đạo. Dòng gần trùng nhiệm vụ đang mở là dòng lỗi, trừ khi confirmDuplicate=true.")
            .DisableAntiforgery().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    public const string TemplateFileName = "mau-nhap-chuong-trinh-cong-tac.xlsx";

    public static FileContentHttpResult TemplateFile() => TypedResults.File(ProgrammeImport.Template(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TemplateFileName);
}
