using System.Security.Claims;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Audit;
using NhiemVu.Web.Features.Calendar;
using NhiemVu.Web.Features.LockWindows;
using NhiemVu.Web.Features.Reviews;
using NhiemVu.Web.Features.Units;
using NhiemVu.Web.Infrastructure.Security;

using ReportRow = NhiemVu.Web.Features.Reports.ReportListRow;

namespace NhiemVu.Web.Features.Reports.Export;

/// <summary>
/// "Tải Excel" for the lists and tables that had none: each list is declared once as an <see cref="ExcelSheet{T}"/>
/// and served twice — next to its page (cookie sign-in, e.g. /admin/audit/export.xlsx) and as the API's twin
/// (e.g. /api/audit/export.xlsx) — with the same filters and the same authorization as the list itself: the handlers
/// the pages call do the checks (office only, province-wide reports only …), the routes add the page's policy.
/// </summary>
public static class ListExports
{
    /// <summary>The most rows a paged list exports (the audit log can be long).</summary>
    public const int MaxRows = 100_000;

    // ------------------------------------------------------------------ the sheets

    public static readonly ExcelSheet<UnitDto> UnitsSheet = new ExcelSheet<UnitDto>("Đơn vị")
        .Text("Mã", u => u.Code, 12).Text("Tên đơn vị", u => new string(' ', 2 * u.Depth) + u.Name, 50).Text("Tên viết tắt", u => u.ShortName)
        .Text("Loại", u => RoleNames.Vi(u.Kind), 24).Integer("Cấp", u => u.Depth)
        .Text("Trạng thái", u => u.IsActive ? "Đang hoạt động" : "Ngừng hoạt động", 16)
        .Date("Hoạt động từ", u => u.ValidFrom).Date("Ngừng hoạt động từ", u => u.ValidTo);

    public static readonly ExcelSheet<UserDto> UsersSheet = new ExcelSheet<UserDto>("Tài khoản")
        .Text("Tên đăng nhập", u => u.UserName, 20).Text("Họ và tên", u => u.FullName, 28).Text("Chức vụ", u => u.Title, 24)
        .Text("Đơn vị", u => u.UnitName, 36).Text("Vai trò", u => string.Join(", ", u.Roles.Select(RoleNames.Vi)), 30)
        .Text("Thư điện tử", u => u.Email, 28).YesNo("Tài khoản dùng chung của đơn vị", u => u.IsSharedUnitAccount)
        .YesNo("Xác thực hai lớp", u => u.TwoFactorEnabled).YesNo("Đã khóa", u => u.IsDisabled)
        .DateTime("Tạm khóa đến", u => u.LockedOutUntil);

    public static readonly ExcelSheet<AuditRow> AuditSheet = new ExcelSheet<AuditRow>("Nhật ký")
        .Integer("Số thứ tự", a => a.Id).DateTime("Thời điểm", a => a.AtUtc).Text("Người thực hiện", a => a.UserName, 18)
        .Text("Địa chỉ IP", a => a.IpAddress, 16).Text("Thao tác", a => a.Action, 28).Text("Đối tượng", a => a.EntityType, 20)
        .Text("Mã đối tượng", a => a.EntityId, 38).Text("Chi tiết", a => a.Details, 60);

    public static readonly ExcelSheet<QueueItem> QueueReportsSheet = QueueSheetWithout("Báo cáo chờ xác nhận", withKind: false);
    public static readonly ExcelSheet<QueueItem> QueueRequestsSheet = QueueSheetWithout("Đề nghị", withKind: true);

    /// <summary>The queue's sheets: reports have no proposed deadline column.</summary>
    private static ExcelSheet<QueueItem> QueueSheetWithout(string name, bool withKind)
    {
        var sheet = new ExcelSheet<QueueItem>(name);
        if (withKind) sheet.Text("Loại", i => i.Label, 26);
        sheet.Text("Nhiệm vụ", i => i.TaskContent, 60).Text("Văn bản", i => i.DocumentNumber, 18).Text("Đơn vị", i => i.UnitName, 30)
            .Text(withKind ? "Lý do" : "Báo cáo", i => i.Detail, 40).DateTime("Gửi lúc", i => i.SinceUtc).Date("Thời hạn", i => i.Deadline);
        if (withKind) sheet.Date("Thời hạn đề nghị", i => i.ProposedDeadline);
        return sheet.Integer("Đã chờ (ngày làm việc)", i => i.WaitingWorkingDays).YesNo("Quá hạn xử lý", i => i.Late);
    }

    public static readonly ExcelSheet<EmulationEntry> RankingSheet = new ExcelSheet<EmulationEntry>("Xếp hạng thi đua")
        .Integer("Hạng", e => e.SharedRank).Text("Đơn vị", e => e.UnitName, 40).Decimal("Điểm", e => e.Score)
        .Integer("Tổng số", e => e.Statistics.Total).Integer("Hoàn thành trước hạn", e => e.Statistics.CompletedEarly)
        .Integer("Hoàn thành đúng hạn", e => e.Statistics.CompletedOnTime).Integer("Hoàn thành quá hạn", e => e.Statistics.CompletedLate)
        .Integer("Đang thực hiện trong hạn", e => e.Statistics.InProgressWithinDeadline).Integer("Đang thực hiện quá hạn", e => e.Statistics.InProgressOverdue)
        .Percent("Tỷ lệ đúng hạn", e => e.Statistics.OnTimeRate).Percent("Tỷ lệ kịp thời", e => e.Statistics.TimelyRate)
        .Percent("Tỷ lệ hoàn thành", e => e.Statistics.CompletionRate).Integer("Chưa giải trình", e => e.Statistics.MissingExplanation)
        .Integer("Số lần gia hạn", e => e.Statistics.ApprovedExtensions);

    private static ExcelSheet<RankingWeightsDto> WeightsSheet() => new ExcelSheet<RankingWeightsDto>("Trọng số")
        .Integer("Năm", w => w.Year).Text("Nguồn", w => w.Source switch
        {
            RankingWeightsSource.Stored => "Đặt riêng cho năm này",
            RankingWeightsSource.Inherited => $"Dùng trọng số năm {w.FromYear}",
            _ => "Mặc định (cấu hình)",
        }, 28)
        .Decimal("Tỷ lệ đúng hạn", w => w.OnTimeRate).Decimal("Tỷ lệ kịp thời", w => w.TimelyRate).Decimal("Tỷ lệ hoàn thành", w => w.CompletionRate)
        .Decimal("Mỗi nhiệm vụ đang quá hạn", w => w.PerOverdue).Decimal("Mỗi nhiệm vụ hoàn thành quá hạn", w => w.PerCompletedLate)
        .Decimal("Mỗi nhiệm vụ chưa giải trình", w => w.PerMissingExplanation).Decimal("Mỗi lần gia hạn", w => w.PerApprovedExtension);

    /// <summary>Assignments of a report (the drill-down, the dashboard's lists), classified as of the report's moment.</summary>
    public static ExcelSheet<ReportRow> ReportRowsSheet(string name, ReportResult r) => new ExcelSheet<ReportRow>(name)
        .Text("Văn bản", x => x.DocumentNumber, 18)
        .Text("Nhiệm vụ", x => x.TaskContent, 60)
        .Text("Đơn vị chủ trì", x => r.UnitNames.GetValueOrDefault(x.UnitId), 30)
        .Text("Người chỉ đạo", x => r.PeopleNames.GetValueOrDefault(x.DirectingLeaderId), 24)
        .Date("Thời hạn", x => x.Deadline).Text("Lý do không có thời hạn", x => x.Deadline is null ? x.NoDeadlineReason : null, 30)
        .Text("Phân loại", x => Labels.Vi(x.Class), 26).YesNo("Chờ xác nhận", x => x.AwaitingConfirmation)
        .Integer("Số ngày quá hạn", x => x.DaysOverdue).Integer("Số lần gia hạn", x => x.ApprovedExtensions).YesNo("Chuyển tiếp từ kỳ trước", x => x.CarriedOver);

    private static ExcelSheet<UnitBar> UnitBarsSheet(string name, string countHeader) => new ExcelSheet<UnitBar>(name)
        .Text("Đơn vị", u => u.Name, 40).Integer(countHeader, u => u.Count).Integer("Tổng số", u => u.Statistics.Total)
        .Integer("Đang thực hiện quá hạn", u => u.Statistics.InProgressOverdue).Integer("Hoàn thành quá hạn", u => u.Statistics.CompletedLate)
        .Percent("Tỷ lệ kịp thời", u => u.Statistics.TimelyRate).Percent("Tỷ lệ đúng hạn", u => u.Statistics.OnTimeRate);

    private static readonly ExcelSheet<MonthPoint> TrendSheet = new ExcelSheet<MonthPoint>("Xu hướng 6 tháng")
        .Text("Tháng", p => $"{p.Month:00}/{p.Year}", 10).DateTime("Tính đến", p => p.AsOfUtc).Integer("Tổng số", p => p.Statistics.Total)
        .Integer("Hoàn thành đúng hạn (gồm trước hạn)", p => p.Statistics.CompletedEarly + p.Statistics.CompletedOnTime)
        .Integer("Hoàn thành quá hạn", p => p.Statistics.CompletedLate).Integer("Đang thực hiện trong hạn", p => p.Statistics.InProgressWithinDeadline)
        .Integer("Đang thực hiện quá hạn", p => p.Statistics.InProgressOverdue).Percent("Tỷ lệ đúng hạn", p => p.Statistics.OnTimeRate);

    public static readonly ExcelSheet<MeetingDto> MeetingsSheet = new ExcelSheet<MeetingDto>("Hội nghị giao ban")
        .Text("Hội nghị", m => m.Title, 50).DateTime("Bắt đầu", m => m.StartsAt).DateTime("Kết thúc", m => m.EndsAt)
        .DateTime("Khóa cập nhật từ", m => m.LockStartsAt)
        .Text("Trạng thái", m => m.Ended ? "Đã kết thúc" : m.Locking ? "Đang khóa cập nhật" : "Sắp diễn ra", 20)
        .Text("Đơn vị được mở khóa", m => m.Exemptions is { Count: > 0 } ex ? string.Join("; ", ex.Select(e => $"{e.UnitName}: {e.Reason}")) : null, 40);

    /// <summary>One line per day of the year's calendar that is not an ordinary weekday/weekend.</summary>
    public sealed record CalendarDay(DateOnly Date, string Weekday, string Kind, string Name);

    public static readonly ExcelSheet<CalendarDay> CalendarSheet = new ExcelSheet<CalendarDay>("Lịch làm việc")
        .Date("Ngày", d => d.Date).Text("Thứ", d => d.Weekday, 10).Text("Loại", d => d.Kind, 22).Text("Tên", d => d.Name, 40);

    public static IReadOnlyList<CalendarDay> CalendarDays(CalendarYearDto y) =>
        y.DaysOff.Select(d => new CalendarDay(d.Date, CalendarAdminModel.WeekdayNames[(int)d.Date.DayOfWeek], CalendarAdminModel.KindName(d.Kind), d.Name))
            .Concat(y.MakeUpWorkingDays.Select(d => new CalendarDay(d.Date, CalendarAdminModel.WeekdayNames[(int)d.Date.DayOfWeek], "Ngày làm bù", d.Name)))
            .OrderBy(d => d.Date).ToList();

    // ------------------------------------------------------------------ the workbooks (shared by the page links and the API)

    public static async Task<IResult> Units(bool? includeInactive, UnitHandlers h) =>
        ExcelDownload.File(UnitsSheet.Export(await h.ListAsync(includeInactive ?? false)), "don-vi.xlsx");

    public static async Task<IResult> Users([AsParameters] UserQuery q, UserHandlers h)
    {
        var rows = await AllPages(page => h.ListAsync(q with { Page = page, PageSize = 500 }), r => (r.Items, r.Pages));
        return ExcelDownload.File(UsersSheet.Export(rows), "tai-khoan.xlsx");
    }

    public static async Task<IResult> AuditLog([AsParameters] AuditQuery q, AuditQueries h)
    {
        var rows = await AllPages(page => h.ListAsync(q with { Page = page, PageSize = 500 }), r => (r.Items, r.Pages));
        return ExcelDownload.File(AuditSheet.Export(rows), "nhat-ky.xlsx");
    }

    public static async Task<IResult> Queue(WorkQueue queue)
    {
        var v = await queue.GetAsync(); // office only (403 otherwise)
        return ExcelDownload.File(ExcelExporter.Export(QueueReportsSheet.Table(v.Reports), QueueRequestsSheet.Table(v.Requests)), "hang-viec.xlsx");
    }

    public static async Task<IResult> Ranking(int? year, ReportQueries q, RankingWeightsHandlers wh)
    {
        var (entries, weights) = await ReportEndpoints.Ranking(year, q, wh);
        return ExcelDownload.File(ExcelExporter.Export(RankingSheet.Table(entries), WeightsSheet().Table([weights])), $"xep-hang-thi-dua-{weights.Year}.xlsx");
    }

    public static async Task<IResult> Rows([AsParameters] ReportParams p, string? key, ReportMeasure? measure, ReportQueries q)
    {
        var r = await ReportEndpoints.Run(p, q);
        // The drill-down's rows in the page's order, all of them (up to MaxRows).
        var rows = await q.RowsAsync(r.Period, r.AsOfUtc, r.GroupBy, key, measure ?? ReportMeasure.Total, MaxRows);
        return ExcelDownload.File(ReportRowsSheet("Danh sách nhiệm vụ", r).Export(rows.Items.ToList()),
            $"nhiem-vu-{r.Period.From:yyyyMMdd}-{r.Period.To:yyyyMMdd}.xlsx");
    }

    public static async Task<IResult> DashboardTables(Dashboard dashboard)
    {
        var v = await dashboard.GetAsync(); // province-wide readers only (403 otherwise)
        var m = v.Month;
        return ExcelDownload.File(ExcelExporter.Export(
            ReportRowsSheet("Tôi chỉ đạo – quá hạn", m).Table(v.MineOverdue.Items),
            UnitBarsSheet("Quá hạn theo đơn vị", "Số nhiệm vụ quá hạn").Table(v.OverdueByUnit),
            TrendSheet.Table(v.Trend),
            ReportRowsSheet("Đến hạn tuần này", m).Table(v.DueThisWeek.Items),
            UnitBarsSheet("Đơn vị chậm nhất", "Số nhiệm vụ quá hạn").Table(v.Slowest)), "tong-quan-chi-dao.xlsx");
    }

    public static async Task<IResult> Meetings(bool? includePast, ClaimsPrincipal user, MeetingHandlers h) =>
        ExcelDownload.File(MeetingsSheet.Export(await h.ListAsync(includePast ?? false,
            user.IsInRole(Roles.OfficeSpecialist) || user.IsInRole(Roles.OfficeLeader))), "hoi-nghi-giao-ban.xlsx");

    public static async Task<IResult> CalendarYear(int year, CalendarHandlers h) =>
        ExcelDownload.File(CalendarSheet.Export(CalendarDays(await h.YearAsync(year))), $"lich-lam-viec-{year}.xlsx");

    private static async Task<List<TItem>> AllPages<TPage, TItem>(Func<int, Task<TPage>> load, Func<TPage, (IReadOnlyList<TItem> Items, int Pages)> parts)
    {
        var all = new List<TItem>();
        for (var page = 1; ; page++)
        {
            var (items, pages) = parts(await load(page));
            all.AddRange(items);
            if (page >= pages || items.Count == 0 || all.Count >= MaxRows) break;
        }
        return all.Count > MaxRows ? all[..MaxRows] : all;
    }

    /// <summary>A download link carrying a page's filters; empty filters are left out (an empty id or date would not bind).</summary>
    public static string Link(string path, params (string Name, string? Value)[] filters) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path,
            filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new KeyValuePair<string, string?>(f.Name, f.Value!.Trim())));

    // ------------------------------------------------------------------ routes

    /// <summary>Next to the pages (cookie sign-in; links carry the page's filters).</summary>
    public static void MapDownloads(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/units/export.xlsx", Units).RequireAuthorization(IdentitySetup.AdminPolicy).ExcludeFromDescription();
        app.MapGet("/admin/users/export.xlsx", Users).RequireAuthorization(IdentitySetup.AdminPolicy).ExcludeFromDescription();
        app.MapGet("/admin/audit/export.xlsx", AuditLog).RequireAuthorization(IdentitySetup.AdminPolicy).ExcludeFromDescription();
        app.MapGet("/admin/calendar/export.xlsx", (int year, CalendarHandlers h) => CalendarYear(year, h))
            .RequireAuthorization(IdentitySetup.AdminPolicy).ExcludeFromDescription();
        app.MapGet("/queue/export.xlsx", Queue).RequireAuthorization(IdentitySetup.OfficePolicy).ExcludeFromDescription();
        app.MapGet("/office/meetings/export.xlsx", Meetings).RequireAuthorization(IdentitySetup.OfficePolicy).ExcludeFromDescription();
        app.MapGet("/reports/ranking.xlsx", Ranking).RequireAuthorization(IdentitySetup.ReportsPolicy).ExcludeFromDescription();
        app.MapGet("/reports/rows.xlsx", Rows).RequireAuthorization(IdentitySetup.ReportsPolicy).ExcludeFromDescription();
        app.MapGet("/dashboard/export.xlsx", DashboardTables).RequireAuthorization(IdentitySetup.ReportsPolicy).ExcludeFromDescription();
    }

    /// <summary>The API twins, each under its list's group, with the list's own authorization.</summary>
    public static void MapApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/units/export.xlsx", Units).RequireAuthorization(IdentitySetup.AdminPolicy).WithTags("Đơn vị")
            .WithSummary("Danh sách đơn vị (Excel; quản trị hệ thống)");
        api.MapGet("/users/export.xlsx", Users).RequireAuthorization(IdentitySetup.AdminPolicy).WithTags("Tài khoản")
            .WithSummary("Danh sách tài khoản theo bộ lọc (Excel)");
        api.MapGet("/audit/export.xlsx", AuditLog).RequireAuthorization(IdentitySetup.AdminPolicy).WithTags("Nhật ký")
            .WithSummary("Nhật ký hệ thống theo bộ lọc (Excel, tối đa 100.000 dòng)");
        api.MapGet("/calendar/{year:int}/export.xlsx", CalendarYear).WithTags("Lịch làm việc")
            .WithSummary("Ngày nghỉ và ngày làm bù của một năm (Excel)");
        api.MapGet("/assignments/queue.xlsx", Queue).WithTags("Nhiệm vụ").WithSummary("Hàng việc của Văn phòng (Excel)");
        api.MapGet("/meetings/export.xlsx", Meetings).WithTags("Hội nghị giao ban và khóa cập nhật").WithSummary("Lịch hội nghị giao ban (Excel)");
        api.MapGet("/reports/ranking.xlsx", Ranking).RequireAuthorization(IdentitySetup.ReportsPolicy).WithTags("Báo cáo, thống kê")
            .WithSummary("Xếp hạng thi đua của một năm và trọng số đã dùng (Excel)");
        api.MapGet("/reports/rows.xlsx", Rows).RequireAuthorization(IdentitySetup.ReportsPolicy).WithTags("Báo cáo, thống kê")
            .WithSummary("Danh sách nhiệm vụ sau một số liệu của bảng thống kê (key=, measure=; Excel)");
        api.MapGet("/reports/dashboard.xlsx", DashboardTables).RequireAuthorization(IdentitySetup.ReportsPolicy).WithTags("Báo cáo, thống kê")
            .WithSummary("Các bảng của trang tổng quan chỉ đạo (Excel)");
    }
}
