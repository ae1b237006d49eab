namespace NhiemVu.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Thông báo");
        g.MapGet("/", async (bool? unreadOnly, NotificationHandlers h) => TypedResults.Ok(await h.ListAsync(unreadOnly ?? false)))
            .WithSummary("Thông báo của người dùng (chưa đọc trước, mới nhất trước; tối đa 100) và số chưa đọc");
        g.MapGet("/count", async (NotificationHandlers h) => TypedResults.Ok(new { unread = await h.UnreadCountAsync() }))
            .WithSummary("Số thông báo chưa đọc");
        g.MapPost("/{id:guid}/read", async (Guid id, NotificationHandlers h) =>
            {
                await h.MarkReadAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Đánh dấu một thông báo đã đọc").ProducesProblem(404);
        g.MapPost("/read-all", async (NotificationHandlers h) => TypedResults.Ok(new { marked = await h.MarkAllReadAsync() }))
            .WithSummary("Đánh dấu tất cả đã đọc");
        g.MapGet("/preferences", async (NotificationHandlers h) => TypedResults.Ok(await h.PreferencesAsync()))
            .WithSummary("Lựa chọn nhận thông báo theo từng loại: trong hệ thống, thư điện tử");
        g.MapPut("/preferences", async (List<PreferenceChange> items, NotificationHandlers h) => TypedResults.Ok(await h.SavePreferencesAsync(items)))
            .WithSummary("Lưu lựa chọn nhận thông báo (các loại không gửi giữ nguyên)").ProducesValidationProblem();
    }
}
