using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Lịch làm việc");

        g.MapGet("/{year:int}", async (int year, CalendarHandlers h) => TypedResults.Ok(await h.YearAsync(year)))
            .WithSummary("Ngày nghỉ (ngoài thứ Bảy, Chủ nhật), ngày làm bù và các điều chỉnh của một năm")
            .ProducesValidationProblem();
        g.MapGet("/working-days", async (DateOnly? from, DateOnly? to, CalendarHandlers h) =>
                TypedResults.Ok(await h.WorkingDaysAsync(from, to)))
            .WithSummary("Các ngày làm việc từ ngày from đến ngày to (tính cả hai ngày; tối đa 732 ngày)")
            .ProducesValidationProblem();
        g.MapGet("/add-working-days", async (DateOnly? from, int? days, CalendarHandlers h) =>
                TypedResults.Ok(await h.AddWorkingDaysAsync(from, days)))
            .WithSummary("Ngày làm việc thứ N sau ngày from (không tính from), ví dụ thời hạn \"N ngày làm việc kể từ ngày ban hành\"")
            .ProducesValidationProblem();

        var admin = g.MapGroup("").RequireAuthorization(IdentitySetup.AdminPolicy);
        admin.MapPost("/overrides", async Task<IResult> (SaveCalendarOverrideCommand c, CalendarHandlers h) =>
            {
                var (o, created) = await h.SaveOverrideAsync(c);
                return created ? TypedResults.Created($"/api/calendar/{o.Date.Year}", o) : TypedResults.Ok(o);
            })
            .WithSummary("Thêm hoặc thay điều chỉnh của một ngày: DayOff (ngày nghỉ), WorkingDay (ngày làm bù), RemoveDayOff (bỏ ngày nghỉ lễ mặc định)")
            .ProducesValidationProblem().ProducesProblem(409);
        admin.MapDelete("/overrides/{date}", async (DateOnly date, CalendarHandlers h) =>
            {
                await h.RemoveOverrideAsync(date);
                return TypedResults.NoContent();
            })
            .WithSummary("Xóa điều chỉnh của một ngày (ngày đó trở lại theo lịch mặc định)").ProducesProblem(404);
    }
}
