using NhiemVu.Data;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Accounts;

public static class UserEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Tài khoản").RequireAuthorization(IdentitySetup.AdminPolicy);

        g.MapGet("/", async ([AsParameters] UserQuery q, UserHandlers h) => TypedResults.Ok(await h.ListAsync(q)))
            .WithSummary("Danh sách tài khoản");
        g.MapGet("/{id:guid}", async (Guid id, UserHandlers h) => TypedResults.Ok(await h.GetAsync(id)))
            .WithSummary("Một tài khoản");
        g.MapPost("/", async (SaveUserCommand c, UserHandlers h) =>
            {
                var id = await h.CreateAsync(c);
                return TypedResults.Created($"/api/users/{id}", await h.GetAsync(id));
            })
            .WithSummary("Tạo tài khoản").ProducesValidationProblem().ProducesProblem(409);
        g.MapPut("/{id:guid}", async (Guid id, SaveUserCommand c, UserHandlers h) =>
            {
                await h.UpdateAsync(id, c);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary("Sửa tài khoản (gửi concurrencyStamp đã đọc)").ProducesValidationProblem().ProducesProblem(409);
        g.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordCommand c, UserHandlers h) =>
            {
                await h.ResetPasswordAsync(id, c.NewPassword);
                return TypedResults.NoContent();
            })
            .WithSummary("Đặt lại mật khẩu").ProducesValidationProblem();
        g.MapPost("/{id:guid}/disable", async (Guid id, UserHandlers h, ICurrentActor actor) =>
            {
                await h.SetDisabledAsync(id, true, actor.UserId);
                return TypedResults.NoContent();
            })
            .WithSummary("Vô hiệu hóa tài khoản (kết thúc mọi phiên đăng nhập)");
        g.MapPost("/{id:guid}/enable", async (Guid id, UserHandlers h, ICurrentActor actor) =>
            {
                await h.SetDisabledAsync(id, false, actor.UserId);
                return TypedResults.NoContent();
            })
            .WithSummary("Kích hoạt lại tài khoản");
    }
}
