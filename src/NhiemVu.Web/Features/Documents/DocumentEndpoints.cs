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
        g.MapPost("/", async (CreateDocumentCommand c, DocumentHandlers h) =>
            {
                var id = await h.CreateAsync(c);
                return TypedResults.Created($"/api/documents/{id}", await h.GetAsync(id));
            })
            .WithSummary("Nhập văn bản chỉ đạo cùng các nhiệm vụ; mỗi đơn vị chủ trì được giao một nhiệm vụ")
            .ProducesValidationProblem().ProducesProblem(403);
    }
}
