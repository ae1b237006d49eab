using NhiemVu.Web.Features.Reviews;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Assignments;

public static class AssignmentEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.WithTags("Nhiệm vụ được giao");

        g.MapGet("/", async ([AsParameters] AssignmentQueryParams p, AssignmentHandlers h) => TypedResults.Ok(await h.ListAsync(p.ToQuery())))
            .WithSummary("Danh sách nhiệm vụ được giao: lọc theo đơn vị, trạng thái, phân loại, thời hạn, người chỉ đạo, lĩnh vực, văn bản, từ khóa (không dấu)")
            .WithDescription("Tổng số (có hay không có từ khóa q, bộ lọc nào) chỉ được đếm tới Workflow:SearchCountLimit (mặc định 1.000) hoặc tới hết trang đang xem cộng một: "
                + "khi nhiều hơn, totalIsLowerBound = true và total là số đã đếm (có ít nhất chừng ấy kết quả, luôn biết còn trang sau). "
                + "Khi không vượt ngưỡng, total là số chính xác.");
        g.MapGet("/inbox", async (AssignmentHandlers h) => TypedResults.Ok(await h.InboxCountsAsync()))
            .WithSummary("Số nhiệm vụ của đơn vị: chưa tiếp nhận, quá hạn, sắp đến hạn, bị trả lại, chưa cập nhật tiến độ")
            .WithDescription("Mỗi số chỉ được đếm tới Workflow:SearchCountLimit (mặc định 1.000) cộng một, như tổng số của danh sách: "
                + "khi nhiều hơn, <tên>IsLowerBound = true (notReceivedIsLowerBound, overdueIsLowerBound, dueSoonIsLowerBound, returnedIsLowerBound, "
                + "staleIsLowerBound) và số đó là 1.001 (có ít nhất chừng ấy, hiển thị \"Hơn 1.000\"). Khi không vượt ngưỡng, số là chính xác.");
        g.MapGet("/queue", async (WorkQueue q) => TypedResults.Ok(await q.GetAsync()))
            .WithSummary("Hàng việc của Văn phòng: báo cáo chờ xác nhận (cũ nhất trước), đề nghị gia hạn, điều chỉnh, từ chối")
            .RequireAuthorization(IdentitySetup.OfficePolicy);
        g.MapGet("/{id:guid}", async (Guid id, AssignmentHandlers h) => TypedResults.Ok(await h.GetAsync(id)))
            .WithSummary("Toàn bộ thông tin một nhiệm vụ: văn bản, nhiệm vụ, lịch sử thời hạn, diễn biến, báo cáo, đề nghị và các thao tác được phép lúc này");

        Post(g, "/{id:guid}/receive", "Tiếp nhận nhiệm vụ", (Guid id, StampCommand c, AssignmentHandlers h) => h.ReceiveAsync(id, c));
        Post(g, "/{id:guid}/progress", "Cập nhật tiến độ", (Guid id, ProgressCommand c, AssignmentHandlers h) => h.ProgressAsync(id, c));
        g.MapPost("/{id:guid}/reports", async (Guid id, ReportCommand c, AssignmentHandlers h) =>
            {
                var reportId = await h.ReportAsync(id, c);
                return TypedResults.Ok(new { reportId, assignment = await h.GetAsync(id) });
            })
            .WithSummary("Báo cáo kết quả (gửi idempotencyKey: gửi lại cùng khóa không tạo báo cáo thứ hai)")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        Post(g, "/{id:guid}/reports/withdraw", "Thu hồi báo cáo chưa được xác nhận", (Guid id, StampCommand c, AssignmentHandlers h) => h.WithdrawReportAsync(id, c));
        g.MapPost("/{id:guid}/extensions", async (Guid id, ExtensionCommand c, AssignmentHandlers h) =>
            {
                var requestId = await h.RequestExtensionAsync(id, c);
                return TypedResults.Ok(new { requestId, assignment = await h.GetAsync(id) });
            })
            .WithSummary("Xin gia hạn").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        Post(g, "/{id:guid}/extensions/{requestId:guid}/decision", "Quyết định đề nghị gia hạn (lãnh đạo Văn phòng có thể cho gia hạn lần hai, ghi rõ lý do ngoại lệ)",
            (Guid id, Guid requestId, ExtensionDecisionCommand c, AssignmentHandlers h) => h.DecideExtensionAsync(id, requestId, c));
        Post(g, "/{id:guid}/review", "Xác nhận báo cáo kết quả: đạt hoặc không đạt (nêu lý do)", (Guid id, ReviewCommand c, AssignmentHandlers h) => h.ReviewAsync(id, c));
        Post(g, "/{id:guid}/refusal", "Từ chối nhiệm vụ không thuộc chức năng của đơn vị", (Guid id, ReasonCommand c, AssignmentHandlers h) => h.RefuseAsync(id, c));
        Post(g, "/{id:guid}/refusal/decision", "Quyết định đề nghị từ chối", (Guid id, DecisionCommand c, AssignmentHandlers h) => h.DecideRefusalAsync(id, c));
        Post(g, "/{id:guid}/explanation", "Giải trình", (Guid id, TextCommand c, AssignmentHandlers h) => h.ExplainAsync(id, c));
        Post(g, "/{id:guid}/adjustments", "Đề nghị điều chỉnh: đổi thời hạn, bỏ bớt, bổ sung nhiệm vụ", (Guid id, AdjustmentCommand c, AssignmentHandlers h) => h.RequestAdjustmentAsync(id, c));
        Post(g, "/{id:guid}/adjustments/decision", "Quyết định đề nghị điều chỉnh", (Guid id, DecisionCommand c, AssignmentHandlers h) => h.DecideAdjustmentAsync(id, c));
        Post(g, "/{id:guid}/urge", "Đôn đốc đơn vị", (Guid id, UrgeCommand c, AssignmentHandlers h) => h.UrgeAsync(id, c));
        Post(g, "/{id:guid}/transfer", "Chuyển nhiệm vụ sang đơn vị khác", (Guid id, TransferCommand c, AssignmentHandlers h) => h.TransferAsync(id, c));
        Post(g, "/{id:guid}/cancel", "Hủy nhiệm vụ", (Guid id, ReasonCommand c, AssignmentHandlers h) => h.CancelAsync(id, c));
        Post(g, "/{id:guid}/contributions", "Đơn vị phối hợp cập nhật phần việc (không phải báo cáo kết quả)",
            (Guid id, ContributionCommand c, AssignmentHandlers h) => h.ContributeAsync(id, c));
    }

    /// <summary>A write: runs the handler and answers with the assignment as it is now.</summary>
    private static void Post<TCommand>(RouteGroupBuilder g, string pattern, string summary, Func<Guid, TCommand, AssignmentHandlers, Task> act) =>
        g.MapPost(pattern, async (Guid id, TCommand c, AssignmentHandlers h) =>
            {
                await act(id, c, h);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary(summary).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    private static void Post<TCommand>(RouteGroupBuilder g, string pattern, string summary, Func<Guid, Guid, TCommand, AssignmentHandlers, Task> act) =>
        g.MapPost(pattern, async (Guid id, Guid requestId, TCommand c, AssignmentHandlers h) =>
            {
                await act(id, requestId, c, h);
                return TypedResults.Ok(await h.GetAsync(id));
            })
            .WithSummary(summary).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}

public sealed class AssignmentQueryParams
{
    public Guid? UnitId { get; set; }
    public Domain.Assignments.AssignmentState? State { get; set; }
    public Domain.Assignments.AssignmentClass? Class { get; set; }
    public AssignmentFlag? Flag { get; set; }
    public DateOnly? DeadlineFrom { get; set; }
    public DateOnly? DeadlineTo { get; set; }
    public Guid? LeaderId { get; set; }
    public Guid? FieldId { get; set; }
    public Guid? DocumentId { get; set; }
    public Domain.Directives.TaskNature? Nature { get; set; }
    public string? Q { get; set; }
    public AssignmentSort? Sort { get; set; }
    public bool? Mine { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public AssignmentQuery ToQuery() => new()
    {
        UnitId = UnitId, State = State, Class = Class, Flag = Flag, DeadlineFrom = DeadlineFrom, DeadlineTo = DeadlineTo, LeaderId = LeaderId,
        FieldId = FieldId, DocumentId = DocumentId, Nature = Nature, Q = Q, Sort = Sort ?? AssignmentSort.DeadlineAsc, Mine = Mine ?? false, Page = Page ?? 1, PageSize = PageSize ?? 25,
    };
}
