using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Units;

public static class UnitEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Đơn vị");

        g.MapGet("/", async (bool? includeInactive, UnitHandlers h) => TypedResults.Ok(await h.ListAsync(includeInactive ?? true)))
            .WithSummary("Danh sách đơn vị theo cây");
        g.MapGet("/{id:guid}", async (Guid id, UnitHandlers h) => TypedResults.Ok(await h.GetAsync(id)))
            .WithSummary("Một đơn vị");
        g.MapGet("/fields", async (UnitHandlers h) => TypedResults.Ok(await h.ListFieldsAsync()))
            .WithSummary("Danh sách lĩnh vực");

        var admin = g.MapGroup("").RequireAuthorization(IdentitySetup.AdminPolicy);
        admin.MapPost("/", async (SaveUnitCommand c, UnitHandlers h) =>
            {
                var id = await h.CreateAsync(c);
                return TypedResults.Created($"/api/units/{id}", await h.GetAsync(id));
            })
            .WithSummary("Tạo đơn vị").ProducesValidationProblem().ProducesProblem(409);
        admin.MapPut("/{id:guid}", async (Guid id, SaveUnitCommand c, UnitHandlers h) =>
            {
                await h.UpdateAsync(id, c);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary("Sửa, đổi tên hoặc chuyển đơn vị cấp trên (gửi concurrencyStamp đã đọc)")
            .ProducesValidationProblem().ProducesProblem(409);
        admin.MapPost("/{id:guid}/deactivate", async (Guid id, DeactivateUnitCommand c, UnitHandlers h) =>
            {
                await h.DeactivateAsync(id, c);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary("Ngừng hoạt động (sáp nhập, giải thể), có thể chỉ định đơn vị kế thừa").ProducesProblem(409);
        admin.MapPost("/{id:guid}/reactivate", async (Guid id, UnitHandlers h) =>
            {
                await h.ReactivateAsync(id);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary("Hoạt động trở lại");
        admin.MapDelete("/{id:guid}", async (Guid id, UnitHandlers h) =>
            {
                await h.DeleteAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Xóa đơn vị chưa có dữ liệu (đơn vị đã có dữ liệu chỉ được ngừng hoạt động)").ProducesProblem(409);
        admin.MapPost("/fields", async (FieldDto c, UnitHandlers h) =>
            {
                var id = await h.CreateFieldAsync(c.Name);
                return TypedResults.Created($"/api/units/fields/{id}", new FieldDto(id, c.Name.Trim()));
            })
            .WithSummary("Thêm lĩnh vực").ProducesProblem(409);
    }
}
