using NhiemVu.Web.Features.Reports.Export;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>
/// /api/reports/timeliness (any signed-in user: office and provincial leaders see everything, units their
/// own figures; the handler decides) and the Excel download next to the page.
/// </summary>
public static class TimelinessEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var g = api.MapGroup("/reports/timeliness").WithTags("Báo cáo, thống kê");
        g.MapGet("", async (DateOnly? from, DateOnly? to, TimelinessQueries q) => TypedResults.Ok(await q.ReportAsync(from, to)))
            .WithSummary("Nhập đúng hạn (văn bản, báo cáo kết quả) và xác nhận đúng hạn, theo chuyên viên và theo đơn vị, trong kỳ [from, to]");
        g.MapGet("/items", async (DateOnly? from, DateOnly? to, TimelinessKind kind, string? key, TimelinessOutcome? outcome, TimelinessQueries q) =>
                TypedResults.Ok(await q.ItemsAsync(from, to, kind, key, outcome ?? TimelinessOutcome.All)))
            .WithSummary("Danh sách đằng sau một số liệu: kind = Documents | Reviews | Waiting | Reports; key = id chuyên viên hoặc đơn vị");
        g.MapGet("/assignments/{id:guid}", async (Guid id, Assignments.AssignmentHandlers h, TimelinessQueries q) =>
            {
                var a = await h.GetAsync(id); // 404 for an assignment the user may not see
                return TypedResults.Ok(await q.ForAssignmentAsync(id, a.Document.Id));
            })
            .WithSummary("Nhập đúng hạn của văn bản và của từng báo cáo kết quả, xác nhận đúng hạn của từng báo cáo, cho một nhiệm vụ");
        g.MapGet(".xlsx", Xlsx).WithSummary("Bảng nhập đúng hạn (Excel)");
        app.MapGet("/reports/timeliness.xlsx", Xlsx).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> Xlsx(DateOnly? from, DateOnly? to, TimelinessQueries q)
    {
        var report = await q.ReportAsync(from, to);
        var (f, t) = (report.From, report.To);
        var reports = await q.ItemsAsync(f, t, TimelinessKind.Reports, null, TimelinessOutcome.All);
        IReadOnlyList<TimelinessItem> docs = [], reviews = [], waiting = [];
        if (report.ProvinceWide)
        {
            docs = await q.ItemsAsync(f, t, TimelinessKind.Documents, null, TimelinessOutcome.All);
            reviews = await q.ItemsAsync(f, t, TimelinessKind.Reviews, null, TimelinessOutcome.All);
            waiting = await q.ItemsAsync(f, t, TimelinessKind.Waiting, null, TimelinessOutcome.All);
        }
        return Results.File(Excel(report, docs, reports, reviews.Concat(waiting).ToList()), Reports.ReportEndpoints.Xlsx,
            $"nhap-dung-han-{f:yyyyMMdd}-{t:yyyyMMdd}.xlsx");
    }

    /// <summary>The page as a workbook: the per-specialist and per-unit tables, then the rows behind them.</summary>
    public static byte[] Excel(TimelinessReport r, IReadOnlyList<TimelinessItem> documents, IReadOnlyList<TimelinessItem> reports,
        IReadOnlyList<TimelinessItem> reviews)
    {
        const ExcelColumnType I = ExcelColumnType.Integer, P = ExcelColumnType.Percent, D = ExcelColumnType.Date, DT = ExcelColumnType.DateTime;
        var tables = new List<ExcelTable>();
        if (r.ProvinceWide)
        {
            static object?[] S(SpecialistTimeliness s) =>
            [
                s.Name, s.DocumentsEntered, s.DocumentsInTime, s.DocumentsLate, s.DocumentRate,
                s.ReviewsDone, s.ReviewsInTime, s.ReviewsLate, s.ReviewRate, s.WaitingPastDeadline,
            ];
            tables.Add(new ExcelTable("Theo chuyên viên",
            [
                new("Chuyên viên", Width: 30), new("Văn bản đã nhập", I), new("Nhập đúng hạn", I), new("Nhập muộn", I), new("Tỷ lệ nhập đúng hạn", P),
                new("Báo cáo đã xác nhận", I), new("Xác nhận đúng hạn", I), new("Xác nhận muộn", I), new("Tỷ lệ xác nhận đúng hạn", P),
                new("Chờ xác nhận quá hạn", I),
            ], r.Specialists.Select(s => (IReadOnlyList<object?>)S(s)).Append(S(r.SpecialistTotal)).ToList()));
        }
        static object?[] U(UnitTimeliness u) => [u.Name, u.ReportsEntered, u.ReportsInTime, u.ReportsLate, u.Rate];
        tables.Add(new ExcelTable("Theo đơn vị",
        [
            new("Đơn vị", Width: 40), new("Báo cáo kết quả đã nhập", I), new("Nhập đúng hạn", I), new("Nhập muộn", I), new("Tỷ lệ nhập đúng hạn", P),
        ], r.Units.Select(u => (IReadOnlyList<object?>)U(u)).Append(U(r.UnitTotal)).ToList()));
        if (r.ProvinceWide)
        {
            tables.Add(new ExcelTable("Văn bản",
            [
                new("Số, ký hiệu", Width: 18), new("Trích yếu", Width: 50), new("Người nhập", Width: 24), new("Ngày ban hành", D),
                new("Thời điểm nhập", DT), new("Hạn nhập", D), new("Kết quả", Width: 26), new("Số ngày làm việc muộn", I), new("Quy tắc", Width: 22),
            ], documents.Select(x => (IReadOnlyList<object?>)new object?[]
            {
                x.Title, x.Detail, x.Who, x.Since, x.DoneAtUtc, x.Deadline, TimelinessText.Entry(x.InTime == true, x.LateWorkingDays), x.LateWorkingDays, x.Rule,
            }).ToList()));
        }
        tables.Add(new ExcelTable("Báo cáo kết quả",
        [
            new("Văn bản báo cáo", Width: 30), new("Nhiệm vụ", Width: 50), new("Đơn vị", Width: 30), new("Ngày ban hành", D),
            new("Thời điểm nhập", DT), new("Hạn nhập", D), new("Kết quả", Width: 26), new("Số ngày làm việc muộn", I), new("Quy tắc", Width: 22),
        ], reports.Select(x => (IReadOnlyList<object?>)new object?[]
        {
            x.Title, x.Detail, x.Who, x.Since, x.DoneAtUtc, x.Deadline, TimelinessText.Entry(x.InTime == true, x.LateWorkingDays), x.LateWorkingDays, x.Rule,
        }).ToList()));
        if (r.ProvinceWide)
        {
            tables.Add(new ExcelTable("Xác nhận báo cáo",
            [
                new("Nhiệm vụ", Width: 50), new("Đơn vị", Width: 30), new("Chuyên viên", Width: 24), new("Thời điểm nhận", DT),
                new("Hạn xác nhận", D), new("Thời điểm xác nhận", DT), new("Kết quả", Width: 28), new("Số ngày làm việc muộn", I),
            ], reviews.Select(x => (IReadOnlyList<object?>)new object?[]
            {
                x.Title, x.Detail, x.Who, x.ReceivedAtUtc, x.Deadline, x.DoneAtUtc,
                x.Kind == TimelinessKind.Waiting ? "Chờ xác nhận, quá hạn" : TimelinessText.Review(x.InTime == true, x.LateWorkingDays), x.LateWorkingDays,
            }).ToList()));
        }
        return ExcelExporter.Export(tables);
    }
}
