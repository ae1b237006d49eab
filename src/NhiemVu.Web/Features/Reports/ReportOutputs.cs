using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Reports.Export;

namespace NhiemVu.Web.Features.Reports;

/// <summary>The figures of one group as the API returns them (rates are fractions, null when nothing to measure).</summary>
public sealed record StatisticsRowDto(
    string Key, string Label, int Total, int CompletedEarly, int CompletedOnTime, int CompletedLate, int InProgressWithinDeadline,
    int InProgressOverdue, int NoDeadline, int AwaitingConfirmation, int CarriedOver, int ApprovedExtensions, int AssignmentsExtended,
    int MissingExplanation, decimal? CompletionRate, decimal? OnTimeRate, NationalTwoByTwo National,
    int ReportsEntered = 0, int ReportsEnteredInTime = 0, decimal? EntryTimelinessRate = null)
{
    public static StatisticsRowDto From(string key, string label, GroupStatistics s) => new(key, label, s.Total, s.CompletedEarly, s.CompletedOnTime,
        s.CompletedLate, s.InProgressWithinDeadline, s.InProgressOverdue, s.NoDeadline, s.AwaitingConfirmation, s.CarriedOver, s.ApprovedExtensions,
        s.AssignmentsExtended, s.MissingExplanation, s.CompletionRate, s.OnTimeRate, s.National,
        s.ReportsEntered, s.ReportsEnteredInTime, s.EntryTimelinessRate);
}

public sealed record StatisticsDto(DateOnly From, DateOnly To, DateTimeOffset AsOfUtc, ReportDimension GroupBy,
    IReadOnlyList<StatisticsRowDto> Groups, StatisticsRowDto Total, int IncompleteInformation);

public static class ReportOutputs
{
    /// <summary>The most overdue assignments the monthly report lists by name (the rest are counted, and listed in the system).</summary>
    public const int MonthlyOverdueLimit = 200;

    public static StatisticsDto Dto(ReportResult r) => new(r.Period.From, r.Period.To, r.AsOfUtc, r.GroupBy,
        r.Groups.Select(g => StatisticsRowDto.From(g.Key, g.Label, g.Statistics)).ToList(),
        StatisticsRowDto.From("*", "Tổng cộng", r.Total), r.IncompleteCount);

    public static string DimensionLabel(ReportDimension d) => d switch
    {
        ReportDimension.Unit => "Đơn vị chủ trì",
        ReportDimension.DirectingLeader => "Người chỉ đạo",
        ReportDimension.Field => "Lĩnh vực",
        ReportDimension.Nature => "Tính chất",
        ReportDimension.Programme => "Chương trình công tác",
        _ => "Văn bản chỉ đạo",
    };

    /// <summary>The report table as a workbook: the groups and the total, then the rows behind them.</summary>
    public static byte[] Excel(ReportResult r, ReportRows detailRows)
    {
        var I = ExcelColumnType.Integer;
        var P = ExcelColumnType.Percent;
        var columns = new List<ExcelColumn>
        {
            new(DimensionLabel(r.GroupBy), Width: 40), new("Tổng số", I), new("Hoàn thành trước hạn", I), new("Hoàn thành đúng hạn", I),
            new("Hoàn thành quá hạn", I), new("Đang thực hiện trong hạn", I), new("Đang thực hiện quá hạn", I), new("Không có thời hạn", I),
            new("Chờ xác nhận", I), new("Tỷ lệ hoàn thành", P), new("Tỷ lệ đúng hạn", P), new("Số lần gia hạn", I), new("Chưa giải trình", I),
            new("Tỷ lệ nhập báo cáo đúng hạn", P),
        };
        static object?[] Row(string label, GroupStatistics s) =>
        [
            label, s.Total, s.CompletedEarly, s.CompletedOnTime, s.CompletedLate, s.InProgressWithinDeadline, s.InProgressOverdue, s.NoDeadline,
            s.AwaitingConfirmation, s.CompletionRate, s.OnTimeRate, s.ApprovedExtensions, s.MissingExplanation,
            s.EntryTimelinessRate,
        ];
        var rows = r.Groups.Select(g => (IReadOnlyList<object?>)Row(g.Label, g.Statistics)).ToList();
        rows.Add(Row("Tổng cộng", r.Total));
        var detail = new ExcelTable("Danh sách nhiệm vụ",
            [
                new("Văn bản", Width: 18), new("Nhiệm vụ", Width: 60), new("Đơn vị chủ trì", Width: 30), new("Thời hạn", ExcelColumnType.Date),
                new("Phân loại", Width: 26), new("Chờ xác nhận"), new("Số ngày quá hạn", I), new("Số lần gia hạn", I),
            ],
            detailRows.Items.Select(x => (IReadOnlyList<object?>)new object?[]
            {
                x.DocumentNumber, x.TaskContent,
                r.UnitNames.GetValueOrDefault(x.UnitId), x.Deadline, Labels.Vi(x.Class), x.AwaitingConfirmation ? "Có" : "", x.DaysOverdue,
                x.ApprovedExtensions,
            }).ToList());
        return ExcelExporter.Export(new ExcelTable("Thống kê", columns, rows), detail);
    }

    /// <summary>The monthly report to the Chairman (the per-unit table, the overdue list).</summary>
    public static MonthlyReport Monthly(ReportResult byUnit, ReportRows overdueRows, IReadOnlyList<(string Reason, int Count)> noDeadlineReasons,
        string rootUnitName, int year, int month, DateOnly issueDate)
    {
        var province = rootUnitName.StartsWith("UBND tỉnh ", StringComparison.OrdinalIgnoreCase) ? rootUnitName["UBND tỉnh ".Length..] : rootUnitName;
        var units = byUnit.Groups.Select(g => MonthlyUnitRow.From(g.Label, g.Statistics)).ToList();
        var overdue = overdueRows.Items.Select(x => new MonthlyOverdueRow(x.TaskContent, x.DocumentNumber, byUnit.UnitNames.GetValueOrDefault(x.UnitId, "?"),
            x.Deadline!.Value, x.DaysOverdue)).ToList();
        return new MonthlyReport(province, "VĂN PHÒNG", "BC-VP", province, issueDate, month, year, byUnit.AsOfDate,
            MonthlySummary.From(byUnit.Total, byUnit.IncompleteCount),
            units, overdue, ["Chủ tịch UBND tỉnh (để báo cáo)", "Các Phó Chủ tịch UBND tỉnh", "Lưu: VT, TH"],
            ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], "",
            NoDeadlineReasons: noDeadlineReasons, OverdueNotListed: overdueRows.Total - overdue.Count);
    }

    /// <summary>The moment of a monthly report: the end of the month, or now while the month is not over.</summary>
    public static DateTimeOffset MonthEndOrNow(int year, int month, DateTimeOffset now)
    {
        var end = ProvinceTime.StartOfDayUtc(ReportPeriod.Month(year, month).To.AddDays(1)).AddTicks(-10);
        return end < now ? end : now;
    }

    /// <summary>The assignment list's rows as a sheet (the list page's download).</summary>
    public static byte[] AssignmentList(IReadOnlyList<NhiemVu.Web.Features.Assignments.AssignmentRow> rows) => ExcelExporter.Export(new ExcelTable("Nhiệm vụ",
        [
            new("Văn bản", Width: 18), new("Nhiệm vụ", Width: 60), new("Đơn vị chủ trì", Width: 30), new("Người chỉ đạo", Width: 24),
            new("Trạng thái", Width: 18), new("Phân loại", Width: 26), new("Thời hạn", ExcelColumnType.Date),
            new("Thời hạn ban đầu", ExcelColumnType.Date), new("Số ngày quá hạn", ExcelColumnType.Integer),
            new("Giao lúc", ExcelColumnType.DateTime), new("Tiến độ gần nhất", Width: 40),
        ],
        rows.Select(x => (IReadOnlyList<object?>)new object?[]
        {
            x.DocumentNumber, x.TaskContent, x.LeadUnitName, x.DirectingLeaderName, Labels.Vi(x.State), Labels.Vi(x.Class), x.Deadline,
            x.OriginalDeadline, x.DaysOverdue, x.AssignedAtUtc, x.LastProgressText,
        }).ToList()));

    public static bool IsCompleted(AssignmentClass c) => c is AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime or AssignmentClass.CompletedLate;
}
