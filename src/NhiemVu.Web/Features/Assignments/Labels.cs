using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>The words of domain.md / ux.md for states, classes and events.</summary>
public static class Labels
{
    public static string Vi(AssignmentState s) => s switch
    {
        AssignmentState.Assigned => "Chưa tiếp nhận",
        AssignmentState.Received => "Đã tiếp nhận",
        AssignmentState.InProgress => "Đang thực hiện",
        AssignmentState.AwaitingReview => "Chờ xác nhận",
        AssignmentState.Completed => "Hoàn thành",
        _ => "Đã hủy",
    };

    public static string Vi(AssignmentClass? c) => c switch
    {
        AssignmentClass.CompletedEarly => "Hoàn thành trước hạn",
        AssignmentClass.CompletedOnTime => "Hoàn thành đúng hạn",
        AssignmentClass.CompletedLate => "Hoàn thành trễ hạn",
        AssignmentClass.InProgressWithinDeadline => "Đang thực hiện trong hạn",
        AssignmentClass.InProgressOverdue => "Đang thực hiện quá hạn",
        AssignmentClass.NoDeadline => "Không có thời hạn",
        _ => "Không tính",
    };

    /// <summary>CSS class of the colour (always shown with the word).</summary>
    public static string Css(AssignmentClass? c, bool dueSoon) => c switch
    {
        AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime => "cls-ontime",
        AssignmentClass.CompletedLate => "cls-late",
        AssignmentClass.InProgressWithinDeadline => dueSoon ? "cls-soon" : "cls-progress",
        AssignmentClass.InProgressOverdue => "cls-overdue",
        _ => "cls-none",
    };

    public static string Vi(AssignmentEventKind k) => k switch
    {
        AssignmentEventKind.Assigned => "Giao nhiệm vụ",
        AssignmentEventKind.Received => "Tiếp nhận",
        AssignmentEventKind.ProgressPosted => "Cập nhật tiến độ",
        AssignmentEventKind.ReportSubmitted => "Báo cáo kết quả",
        AssignmentEventKind.ReportWithdrawn => "Thu hồi báo cáo",
        AssignmentEventKind.ReviewPassed => "Xác nhận đạt",
        AssignmentEventKind.ReviewNotPassed => "Xác nhận không đạt",
        AssignmentEventKind.ExtensionRequested => "Xin gia hạn",
        AssignmentEventKind.ExtensionApproved => "Đồng ý gia hạn",
        AssignmentEventKind.ExtensionRejected => "Không đồng ý gia hạn",
        AssignmentEventKind.RefusalRequested => "Từ chối nhiệm vụ",
        AssignmentEventKind.RefusalAccepted => "Chấp nhận từ chối",
        AssignmentEventKind.RefusalRejected => "Không chấp nhận từ chối",
        AssignmentEventKind.ExplanationGiven => "Giải trình",
        AssignmentEventKind.Urged => "Đôn đốc",
        AssignmentEventKind.Transferred => "Chuyển đơn vị",
        AssignmentEventKind.Cancelled => "Hủy nhiệm vụ",
        AssignmentEventKind.AdjustmentRequested => "Đề nghị điều chỉnh",
        AssignmentEventKind.AdjustmentApproved => "Đồng ý điều chỉnh",
        _ => "Không đồng ý điều chỉnh",
    };

    public static string Vi(AssignmentRequestKind k) => k switch
    {
        AssignmentRequestKind.Extension => "Xin gia hạn",
        AssignmentRequestKind.Refusal => "Từ chối nhiệm vụ",
        _ => "Đề nghị điều chỉnh",
    };

    public static string Vi(AdjustmentKind k) => k switch
    {
        AdjustmentKind.ChangeDeadline => "Thay đổi thời hạn",
        AdjustmentKind.Drop => "Bỏ bớt nhiệm vụ",
        _ => "Bổ sung nhiệm vụ",
    };

    public static string Vi(AssignmentRequestStatus s) => s switch
    {
        AssignmentRequestStatus.Pending => "Chờ quyết định",
        AssignmentRequestStatus.Approved => "Đồng ý",
        AssignmentRequestStatus.Rejected => "Không đồng ý",
        _ => "Đã đóng",
    };

    public static string Vi(AssignmentReportStatus s) => s switch
    {
        AssignmentReportStatus.Pending => "Chờ xác nhận",
        AssignmentReportStatus.Withdrawn => "Đã thu hồi",
        AssignmentReportStatus.Passed => "Đạt",
        AssignmentReportStatus.NotPassed => "Không đạt",
        _ => "Đã đóng",
    };

    public static string Vi(DirectiveKind? k) => k switch
    {
        DirectiveKind.CongVan => "Công văn",
        DirectiveKind.ThongBaoKetLuan => "Thông báo kết luận",
        DirectiveKind.QuyetDinh => "Quyết định",
        DirectiveKind.ChiThi => "Chỉ thị",
        DirectiveKind.KeHoach => "Kế hoạch",
        DirectiveKind.ChuongTrinhCongTac => "Chương trình công tác",
        DirectiveKind.PhieuLayYKien => "Phiếu lấy ý kiến",
        DirectiveKind.Other => "Văn bản khác",
        _ => "",
    };

    public static string Vi(SourceKind s) => s switch
    {
        SourceKind.Document => "Văn bản chỉ đạo",
        SourceKind.ButPhe => "Bút phê",
        _ => "Chỉ đạo trực tiếp",
    };

    public static string Vi(TaskNature n) => n switch
    {
        TaskNature.TrongTam => "Trọng tâm",
        TaskNature.ThuongXuyen => "Thường xuyên",
        _ => "Đột xuất",
    };

    public static string Vi(AssignmentOperation op) => op switch
    {
        AssignmentOperation.Receive => "Tiếp nhận",
        AssignmentOperation.Progress => "Cập nhật tiến độ",
        AssignmentOperation.Report => "Báo cáo kết quả",
        AssignmentOperation.WithdrawReport => "Thu hồi báo cáo",
        AssignmentOperation.RequestExtension => "Xin gia hạn",
        AssignmentOperation.Refuse => "Từ chối",
        AssignmentOperation.Explain => "Giải trình",
        AssignmentOperation.RequestAdjustment => "Đề nghị điều chỉnh",
        AssignmentOperation.Contribute => "Góp ý của đơn vị phối hợp",
        AssignmentOperation.Review => "Xác nhận báo cáo",
        AssignmentOperation.DecideExtension => "Quyết định gia hạn",
        AssignmentOperation.OverrideExtension => "Gia hạn ngoại lệ",
        AssignmentOperation.DecideRefusal => "Quyết định từ chối",
        AssignmentOperation.DecideAdjustment => "Quyết định điều chỉnh",
        AssignmentOperation.Urge => "Đôn đốc",
        AssignmentOperation.Transfer => "Chuyển đơn vị",
        AssignmentOperation.Cancel => "Hủy",
        _ => op.ToString(),
    };

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy") ?? "—";

    public static string Time(DateTimeOffset? t) =>
        t is { } v ? Domain.Common.ProvinceTime.ToLocal(v).ToString("dd/MM/yyyy HH:mm") : "—";

    /// <summary>"còn N ngày làm việc" / "quá hạn N ngày" / "hạn hôm nay".</summary>
    public static string DaysText(AssignmentRow r)
    {
        if (r.Deadline is null) return "Không có thời hạn";
        if (r.Class is AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime or AssignmentClass.CompletedLate)
            return r.AwaitingConfirmation ? "Chờ xác nhận" : "Đã hoàn thành";
        if (r.State == AssignmentState.Cancelled) return "Đã hủy";
        if (r.DaysOverdue is > 0) return $"Quá hạn {r.DaysOverdue} ngày";
        if (r.WorkingDaysLeft is 0) return "Hạn hôm nay";
        return $"Còn {r.WorkingDaysLeft} ngày làm việc";
    }

    public static string DayOfWeekVi(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string Vi(Recurrence r) => r switch
    {
        Recurrence.Monthly => "Hằng tháng",
        Recurrence.Quarterly => "Hằng quý",
        Recurrence.Yearly => "Hằng năm",
        _ => "Không định kỳ",
    };
}
