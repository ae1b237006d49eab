using System.Security.Claims;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.LockWindows;

public static class MeetingEndpoints
{
    private static bool IsOffice(ClaimsPrincipal u) => u.IsInRole(Roles.OfficeSpecialist) || u.IsInRole(Roles.OfficeLeader);

    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Hội nghị giao ban và khóa cập nhật");

        g.MapGet("/", async (bool? includePast, ClaimsPrincipal user, MeetingHandlers h) =>
                TypedResults.Ok(await h.ListAsync(includePast ?? false, IsOffice(user))))
            .WithSummary("Lịch Hội nghị giao ban kinh tế – xã hội (chưa kết thúc, hoặc tất cả với includePast=true); "
                         + "danh sách đơn vị được mở khóa chỉ trả cho Văn phòng");

        var office = g.MapGroup("").RequireAuthorization(IdentitySetup.OfficePolicy);
        office.MapPost("/", async (SaveMeetingCommand c, MeetingHandlers h) =>
            {
                var id = await h.CreateAsync(c);
                return TypedResults.Created($"/api/meetings/{id}", await h.GetAsync(id, true));
            })
            .WithSummary("Thêm hội nghị (start, end là giờ địa phương nếu không ghi múi giờ)").ProducesValidationProblem();
        office.MapDelete("/{id:guid}", async (Guid id, MeetingHandlers h) =>
            {
                await h.DeleteAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Xóa hội nghị (nhập nhầm hoặc hoãn)").ProducesProblem(404);
        office.MapPost("/{id:guid}/exemptions", async (Guid id, LiftLockCommand c, MeetingHandlers h) =>
            {
                await h.LiftAsync(id, c);
                return TypedResults.Created($"/api/meetings/{id}", await h.GetAsync(id, true));
            })
            .WithSummary("Mở khóa cho một đơn vị trong đợt hội nghị này, có lý do").ProducesValidationProblem().ProducesProblem(409);
    }

    public static void MapLockStatus(RouteGroupBuilder g)
    {
        g.WithTags("Hội nghị giao ban và khóa cập nhật");
        g.MapGet("/", async (MeetingHandlers h) => TypedResults.Ok(await h.MyStatusAsync()))
            .WithSummary("Đơn vị của người gọi có đang bị khóa cập nhật không, vì hội nghị nào, đến khi nào");
        g.MapGet("/check", async (MeetingHandlers h) =>
            {
                await h.EnsureMyUnitOpenAsync();
                return TypedResults.NoContent();
            })
            .WithSummary("204 nếu đơn vị của người gọi được cập nhật; 423 (kèm lý do) nếu đang khóa").ProducesProblem(423);
    }
}
