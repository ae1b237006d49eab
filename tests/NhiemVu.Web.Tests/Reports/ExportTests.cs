using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NhiemVu.Web.Features.Reports.Export;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>Exporters only: no database, no app host.</summary>
public class ExportTests
{
    private static readonly string ExportDir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bin", "exports");

    private static void Save(string name, byte[] bytes)
    {
        Directory.CreateDirectory(ExportDir);
        File.WriteAllBytes(Path.Combine(ExportDir, name), bytes);
    }

    private static ExcelTable SampleTable() => new("Nhiệm vụ quá hạn",
        [
            new ExcelColumn("Nhiệm vụ"),
            new ExcelColumn("Số ngày quá hạn", ExcelColumnType.Integer),
            new ExcelColumn("Tỷ lệ đúng hạn", ExcelColumnType.Percent),
            new ExcelColumn("Thời hạn", ExcelColumnType.Date),
            new ExcelColumn("Thời điểm báo cáo", ExcelColumnType.DateTime),
            new ExcelColumn("Kinh phí (tỷ đồng)", ExcelColumnType.Decimal),
        ],
        [
            ["Rà soát dự án chậm tiến độ", 12, 0.857m, new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero), 1.5m],
            ["Báo cáo tình hình giải ngân", 3, null, new DateOnly(2026, 11, 28), null, null],
        ]);

    [Fact]
    public void Excel_sheet_has_vietnamese_headers_bold_frozen_with_a_filter()
    {
        var bytes = ExcelExporter.Export(SampleTable());
        Save("bang-nhiem-vu.xlsx", bytes);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        Assert.Equal("Nhiệm vụ quá hạn", wb.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var ws = wb.WorksheetParts.Single().Worksheet;
        var header = ws.Descendants<Row>().First();
        Assert.Equal(["Nhiệm vụ", "Số ngày quá hạn", "Tỷ lệ đúng hạn", "Thời hạn", "Thời điểm báo cáo", "Kinh phí (tỷ đồng)"],
            header.Elements<Cell>().Select(c => c.InnerText));
        var headerXf = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header.Elements<Cell>().First().StyleIndex!.Value);
        var font = wb.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerXf.FontId!.Value);
        Assert.NotNull(font.Bold);
        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:F3", ws.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(6, ws.Descendants<Column>().Count());
        Assert.All(ws.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 10));
    }

    [Fact]
    public void Excel_dates_are_numbers_with_a_date_format_and_moments_are_local_time()
    {
        var bytes = ExcelExporter.Export(SampleTable());
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var ws = wb.WorksheetParts.Single().Worksheet;
        var cells = ws.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string FormatOf(Cell c)
        {
            var xf = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value);
            var id = xf.NumberFormatId!.Value;
            return wb.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
                .FirstOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value ?? $"builtin:{id}";
        }

        var date = cells["D2"];
        Assert.Equal(CellValues.Number, date.DataType!.Value);
        Assert.Equal(new DateTime(2026, 11, 20), DateTime.FromOADate(double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("dd/mm/yyyy", FormatOf(date));

        var moment = cells["E2"]; // 08:30 UTC = 15:30 in the province
        Assert.Equal(new DateTime(2026, 11, 25, 15, 30, 0), DateTime.FromOADate(double.Parse(moment.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("dd/mm/yyyy hh:mm", FormatOf(moment));

        Assert.Equal("12", cells["B2"].CellValue!.Text);
        Assert.Equal(CellValues.Number, cells["B2"].DataType!.Value);
        Assert.Equal("0.857", cells["C2"].CellValue!.Text);
        Assert.Equal("0.0%", FormatOf(cells["C2"]));
        Assert.False(cells.ContainsKey("C3")); // null: empty cell
    }

    [Fact]
    public void Excel_writes_one_sheet_per_table_with_distinct_valid_names()
    {
        var t = SampleTable();
        var bytes = ExcelExporter.Export(t, t with { SheetName = "Theo đơn vị/lĩnh vực: tháng 11/2026 và lũy kế cả năm" });
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var names = doc.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny([':', '/', '\\', '?', '*', '[', ']']) < 0));
    }

    internal static MonthlyReport SampleReport() => new(
        ProvinceName: "Đồng Tháp",
        IssuingBody: "VĂN PHÒNG",
        SymbolSuffix: "BC-VP",
        Place: "Đồng Tháp",
        IssueDate: new DateOnly(2026, 12, 5),
        Month: 11,
        Year: 2026,
        AsOfDate: new DateOnly(2026, 11, 30),
        Summary: new MonthlySummary(Total: 40, CompletedEarly: 12, CompletedOnTime: 10, CompletedLate: 5, InProgressWithinDeadline: 8,
            InProgressOverdue: 3, NoDeadline: 2, AwaitingConfirmation: 1, MissingExplanation: 2, ApprovedExtensions: 4,
            IncompleteInformation: 1, OnTimeRate: 22m / 27m, CompletionRate: 27m / 38m),
        Units:
        [
            new MonthlyUnitRow("Sở Xây dựng", 20, 7, 5, 3, 4, 1, 12m / 15m),
            new MonthlyUnitRow("Sở Tài chính", 18, 5, 5, 2, 4, 2, 10m / 12m),
        ],
        Overdue:
        [
            new MonthlyOverdueRow("Rà soát, đề xuất tháo gỡ vướng mắc các dự án chậm tiến độ", "Công văn 1313/UBND-KSTT", "Sở Xây dựng", new DateOnly(2026, 11, 15), 15),
            new MonthlyOverdueRow("Báo cáo tình hình giải ngân vốn đầu tư công", "Thông báo 45/TB-VPUBND", "Sở Tài chính", new DateOnly(2026, 11, 20), 10),
        ],
        Recipients: ["Chủ tịch, các PCT UBND tỉnh", "Lãnh đạo VPUBND tỉnh", "Các sở, ban, ngành tỉnh", "Lưu: VT, HCTC"],
        SignerAuthority: ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
        SignerName: "Nguyễn Văn An",
        Proposals: ["Đề nghị Chủ tịch UBND tỉnh chỉ đạo các đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành."]);

    private static (string Text, W.Body Body, WordprocessingDocument Doc) OpenDocx(byte[] bytes)
    {
        var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<W.Paragraph>().Select(p => p.InnerText));
        return (text, body, doc);
    }

    [Fact]
    public void Monthly_report_has_the_administrative_heading_title_and_month()
    {
        var bytes = MonthlyReportWriter.Write(SampleReport());
        Save("bao-cao-thang-11-2026.docx", bytes);
        var (text, body, doc) = OpenDocx(bytes);
        using var _ = doc;
        Assert.Contains("UBND TỈNH ĐỒNG THÁP", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Số:      /BC-VP", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao tháng 11/2026", text);

        W.Run RunOf(string s) => body.Descendants<W.Run>().First(r => r.InnerText == s);
        Assert.NotNull(RunOf("VĂN PHÒNG").RunProperties!.Bold);
        Assert.NotNull(RunOf("VĂN PHÒNG").RunProperties!.Underline);
        Assert.NotNull(RunOf("Độc lập - Tự do - Hạnh phúc").RunProperties!.Underline);
        Assert.NotNull(RunOf("Đồng Tháp, ngày 05 tháng 12 năm 2026").RunProperties!.Italic);
        Assert.All(body.Descendants<W.RunProperties>(), rp => Assert.Equal("Times New Roman", rp.RunFonts!.Ascii!.Value));
        Assert.All(body.Descendants<W.RunProperties>(), rp => Assert.InRange(int.Parse(rp.FontSize!.Val!.Value!), 22, 28));
        // The heading is a two-column table: issuing body left, national emblem lines right.
        var headerCells = body.Elements<W.Table>().First().Descendants<W.TableCell>().ToList();
        Assert.Contains("VĂN PHÒNG", headerCells[0].InnerText);
        Assert.Contains("CỘNG HÒA", headerCells[1].InnerText);
    }

    [Fact]
    public void Monthly_report_lists_each_units_figures_and_the_overdue_rows()
    {
        var (_, body, doc) = OpenDocx(MonthlyReportWriter.Write(SampleReport()));
        using var _d = doc;
        var rows = body.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Contains(rows, r => r.SequenceEqual(["1", "Sở Xây dựng", "20", "7", "5", "3", "4", "1", "80%"]));
        Assert.Contains(rows, r => r.SequenceEqual(["2", "Sở Tài chính", "18", "5", "5", "2", "4", "2", "83,3%"]));
        Assert.Contains(rows, r => r.SequenceEqual(["", "Tổng cộng", "38", "12", "10", "5", "8", "3", "81,5%"]));
        Assert.Contains(rows, r => r.SequenceEqual(["1", "Rà soát, đề xuất tháo gỡ vướng mắc các dự án chậm tiến độ", "Công văn 1313/UBND-KSTT", "Sở Xây dựng", "15/11/2026", "15"]));
        Assert.Contains(rows, r => r.SequenceEqual(["2", "Báo cáo tình hình giải ngân vốn đầu tư công", "Thông báo 45/TB-VPUBND", "Sở Tài chính", "20/11/2026", "10"]));
        Assert.Contains(rows, r => r.SequenceEqual(["STT", "Đơn vị", "Tổng số", "Hoàn thành", "Đang thực hiện", "Tỷ lệ đúng hạn"]));
        Assert.Contains(rows, r => r.SequenceEqual(["STT", "Nhiệm vụ", "Văn bản giao", "Đơn vị chủ trì", "Thời hạn", "Số ngày quá hạn"]));
    }

    [Fact]
    public void Monthly_report_has_summary_recipients_and_signer()
    {
        var (text, body, doc) = OpenDocx(MonthlyReportWriter.Write(SampleReport()));
        using var _d = doc;
        Assert.Contains("tổng số nhiệm vụ đến hạn trong tháng 11/2026 và chuyển tiếp từ các tháng trước là 40 nhiệm vụ", text);
        Assert.Contains("Đã hoàn thành: 27 nhiệm vụ (trước hạn 12, đúng hạn 10, trễ hạn 5)", text);
        Assert.Contains("đạt 81,5%", text);
        Assert.Contains("quá hạn 3", text);
        var last = body.Elements<W.Table>().Last().Descendants<W.TableCell>().ToList();
        var recipients = last[0].Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["Nơi nhận:", "- Chủ tịch, các PCT UBND tỉnh;", "- Lãnh đạo VPUBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, HCTC."], recipients);
        Assert.Contains("KT. CHÁNH VĂN PHÒNG", last[1].InnerText);
        Assert.Contains("Nguyễn Văn An", last[1].InnerText);
    }

    [Fact]
    public void Monthly_report_is_A4_with_administrative_margins()
    {
        var (_, body, doc) = OpenDocx(MonthlyReportWriter.Write(SampleReport()));
        using var _d = doc;
        var sect = body.Elements<W.SectionProperties>().Single();
        var size = sect.GetFirstChild<W.PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        var m = sect.GetFirstChild<W.PageMargin>()!;
        Assert.Equal(1134, m.Top!.Value);      // 2 cm
        Assert.Equal(1134, m.Bottom!.Value);   // 2 cm
        Assert.Equal(1701u, m.Left!.Value);    // 3 cm
        Assert.InRange(m.Right!.Value, 851u, 1134u); // 1.5–2 cm
    }

    [Fact]
    public void Monthly_report_without_overdue_says_so()
    {
        var (text, _, doc) = OpenDocx(MonthlyReportWriter.Write(SampleReport() with { Overdue = [] }));
        using var _d = doc;
        Assert.Contains("Không có nhiệm vụ quá hạn.", text);
    }

    [Theory]
    [InlineData(2026, 12, 5, "Đồng Tháp, ngày 05 tháng 12 năm 2026")]
    [InlineData(2026, 2, 15, "Đồng Tháp, ngày 15 tháng 02 năm 2026")]
    [InlineData(2026, 3, 9, "Đồng Tháp, ngày 09 tháng 3 năm 2026")]
    public void Place_and_date_follow_decree_30(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ReportFormat.PlaceAndDate("Đồng Tháp", new DateOnly(y, m, d)));

    [Fact]
    public void Percent_is_written_the_vietnamese_way_and_null_as_a_dash()
    {
        Assert.Equal("85,7%", ReportFormat.Percent(6m / 7m));
        Assert.Equal("100%", ReportFormat.Percent(1m));
        Assert.Equal("—", ReportFormat.Percent(null));
    }

    [Fact]
    public void Monthly_report_gives_the_reasons_for_tasks_without_a_deadline()
    {
        var report = SampleReport() with { NoDeadlineReasons = [("Nhiệm vụ thường xuyên, theo dõi cả năm", 2)] };
        var (text, _, doc) = OpenDocx(MonthlyReportWriter.Write(report));
        using var _d = doc;
        Assert.Contains("Nhiệm vụ không có thời hạn (không tính tỷ lệ đúng hạn): 2 nhiệm vụ; lý do không có thời hạn: Nhiệm vụ thường xuyên, theo dõi cả năm (2).", text);
        var (plain, _, doc2) = OpenDocx(MonthlyReportWriter.Write(SampleReport()));
        using var _d2 = doc2;
        Assert.Contains("Nhiệm vụ không có thời hạn (không tính tỷ lệ đúng hạn): 2 nhiệm vụ.", plain);
    }
}

/// <summary>The generic typed sheet: headers, typed cells, one row per item.</summary>
public class ExcelSheetTests
{
    private sealed record Item(string Name, DateOnly? Due, int Count, DateTimeOffset At, bool Flag);

    [Fact]
    public void A_typed_sheet_writes_headers_and_typed_cells_in_column_order()
    {
        var sheet = new ExcelSheet<Item>("Danh sách").Text("Tên", i => i.Name).Date("Thời hạn", i => i.Due).Integer("Số lượng", i => i.Count)
            .DateTime("Lúc", i => i.At).YesNo("Đánh dấu", i => i.Flag);
        var table = sheet.Table([new Item("A", new DateOnly(2026, 11, 20), 3, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), true),
            new Item("B", null, 0, new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero), false)]);
        Assert.Equal(["Tên", "Thời hạn", "Số lượng", "Lúc", "Đánh dấu"], table.Columns.Select(c => c.Header));
        Assert.Equal([ExcelColumnType.Text, ExcelColumnType.Date, ExcelColumnType.Integer, ExcelColumnType.DateTime, ExcelColumnType.Text],
            table.Columns.Select(c => c.Type));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(new object?[] { "A", new DateOnly(2026, 11, 20), 3L, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), "Có" }, table.Rows[0]);
        Assert.Null(table.Rows[1][1]);
        Assert.Equal("", table.Rows[1][4]);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(sheet.Export([])), false);
        Assert.Equal("Danh sách", doc.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
        Assert.Throws<InvalidOperationException>(() => new ExcelSheet<Item>("Trống").Table([]));
    }
}
