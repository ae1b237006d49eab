using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NhiemVu.Web.Features.Reports.Export;

/// <summary>
/// Writes the monthly report to the Chairman as a .docx laid out as a Vietnamese administrative
/// report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing body and the national emblem lines side
/// by side, number-and-symbol, place and date in italics, title, body, tables, "Nơi nhận:" bottom
/// left and the signature bottom right; Times New Roman, A4, margins top/bottom 2 cm, left 3 cm,
/// right 2 cm.
/// </summary>
public static class MonthlyReportWriter
{
    /// <summary>Twips per centimetre (1 cm = 567 twips).</summary>
    public const int TwipsPerCm = 567;
    public const int PageWidth = 11906, PageHeight = 16838; // A4 in twips
    public const int MarginTop = 2 * TwipsPerCm, MarginBottom = 2 * TwipsPerCm, MarginLeft = 3 * TwipsPerCm, MarginRight = 2 * TwipsPerCm;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight; // 9071
    private const string Font = "Times New Roman";

    public static byte[] Write(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(HeaderTable(report));
            body.Append(Para("", 14));
            body.Append(Para("BÁO CÁO", 14, bold: true, align: JustificationValues.Center, after: 0));
            body.Append(Para($"Kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao tháng {MonthYear(report)}",
                14, bold: true, align: JustificationValues.Center, after: 0));
            body.Append(ShortRule());

            body.Append(BodyPara($"Thực hiện Quy chế theo dõi, tổng hợp kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch và các Phó Chủ tịch UBND tỉnh giao, {report.IssuingBody.ToLower(CultureInfo.InvariantCulture) switch { "văn phòng" => "Văn phòng UBND tỉnh", var x => x }} báo cáo kết quả thực hiện nhiệm vụ tháng {MonthYear(report)} như sau:"));

            body.Append(Heading("I. KẾT QUẢ CHUNG"));
            foreach (var p in SummaryParagraphs(report)) body.Append(p);

            body.Append(Heading("II. KẾT QUẢ THEO ĐƠN VỊ"));
            body.Append(UnitTable(report));

            body.Append(Heading("III. NHIỆM VỤ QUÁ HẠN"));
            if (report.Overdue.Count == 0) body.Append(BodyPara("Không có nhiệm vụ quá hạn."));
            else body.Append(OverdueTable(report));
            if (report.OverdueNotListed > 0)
                body.Append(BodyPara($"Bảng trên liệt kê {report.Overdue.Count} nhiệm vụ quá hạn lâu nhất; còn {report.OverdueNotListed} nhiệm vụ quá hạn khác, "
                    + "xem đầy đủ trên Hệ thống (Báo cáo, thống kê → Đang thực hiện quá hạn → Tải Excel)."));

            if (report.Proposals is { Count: > 0 } proposals)
            {
                body.Append(Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"));
                foreach (var p in proposals) body.Append(BodyPara(p));
            }
            body.Append(BodyPara("Trên đây là báo cáo kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao tháng "
                + MonthYear(report) + "./."));
            body.Append(Para("", 12));
            body.Append(SignatureTable(report));

            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
                    Header = 720, Footer = 720, Gutter = 0,
                }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string MonthYear(MonthlyReport r) => $"{r.Month:00}/{r.Year}";

    // ----------------------------------------------------------------- parts

    private static Table HeaderTable(MonthlyReport r)
    {
        const int left = 3600, right = TextWidth - left;
        var leftCell = Cell(left,
            Para($"UBND TỈNH {r.ProvinceName.ToUpper(new CultureInfo("vi-VN"))}", 13, align: JustificationValues.Center, after: 0),
            Para(r.IssuingBody, 13, bold: true, underline: true, align: JustificationValues.Center, after: 0),
            Para("", 13, after: 0),
            Para($"Số:      /{r.SymbolSuffix}", 13, align: JustificationValues.Center, after: 0));
        var rightCell = Cell(right,
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold: true, align: JustificationValues.Center, after: 0),
            Para("Độc lập - Tự do - Hạnh phúc", 13, bold: true, underline: true, align: JustificationValues.Center, after: 0),
            Para("", 13, after: 0),
            Para(ReportFormat.PlaceAndDate(r.Place, r.IssueDate), 14, italic: true, align: JustificationValues.Center, after: 0));
        return BorderlessTable([left, right], new TableRow(leftCell, rightCell));
    }

    private static IEnumerable<Paragraph> SummaryParagraphs(MonthlyReport r)
    {
        var s = r.Summary;
        yield return BodyPara(
            $"Tính đến ngày {ReportFormat.Date(r.AsOfDate)}, tổng số nhiệm vụ đến hạn trong tháng {MonthYear(r)} và chuyển tiếp từ các tháng trước là {s.Total} nhiệm vụ, trong đó:");
        yield return BodyPara(
            $"- Đã hoàn thành: {s.Completed} nhiệm vụ (trước hạn {s.CompletedEarly}, đúng hạn {s.CompletedOnTime}, trễ hạn {s.CompletedLate}); tỷ lệ hoàn thành đúng hạn (trước hạn và đúng hạn trên số đã hoàn thành) đạt {ReportFormat.Percent(s.OnTimeRate)}.");
        yield return BodyPara(
            $"- Đang thực hiện: {s.InProgress} nhiệm vụ (trong hạn {s.InProgressWithinDeadline}, quá hạn {s.InProgressOverdue}).");
        yield return BodyPara($"- Tỷ lệ hoàn thành trên tổng số nhiệm vụ có thời hạn: {ReportFormat.Percent(s.CompletionRate)}.");
        if (s.NoDeadline > 0)
        {
            var reasons = r.NoDeadlineReasons is { Count: > 0 } rs
                ? "; lý do không có thời hạn: " + string.Join("; ", rs.Select(x => $"{x.Reason} ({x.Count})"))
                : "";
            yield return BodyPara($"- Nhiệm vụ không có thời hạn (không tính tỷ lệ đúng hạn): {s.NoDeadline} nhiệm vụ{reasons}.");
        }
        if (s.AwaitingConfirmation > 0)
            yield return BodyPara($"- Đã báo cáo, chờ Văn phòng xác nhận (tạm tính theo thời điểm gửi báo cáo): {s.AwaitingConfirmation} nhiệm vụ.");
        if (s.ApprovedExtensions > 0)
            yield return BodyPara($"- Số lượt gia hạn đã được chấp thuận: {s.ApprovedExtensions}.");
        if (s.MissingExplanation > 0)
            yield return BodyPara($"- Nhiệm vụ quá hạn, trễ hạn chưa có văn bản giải trình: {s.MissingExplanation} nhiệm vụ.");
        if (s.IncompleteInformation > 0)
            yield return BodyPara($"- Nhiệm vụ cập nhật chưa đầy đủ thông tin, chưa tổng hợp vào báo cáo: {s.IncompleteInformation} nhiệm vụ.");
    }

    private static Table UnitTable(MonthlyReport r)
    {
        int[] w = [600, 2471, 800, 900, 900, 900, 900, 800, 800];
        var headerTop = new TableRow(
            HeadCell(w[0], "STT", vMergeStart: true),
            HeadCell(w[1], "Đơn vị", vMergeStart: true),
            HeadCell(w[2], "Tổng số", vMergeStart: true),
            HeadCell(w[3] + w[4] + w[5], "Hoàn thành", span: 3),
            HeadCell(w[6] + w[7], "Đang thực hiện", span: 2),
            HeadCell(w[8], "Tỷ lệ đúng hạn", vMergeStart: true));
        headerTop.PrependChild(new TableRowProperties(new TableHeader()));
        var headerBottom = new TableRow(
            HeadCell(w[0], "", vMergeContinue: true),
            HeadCell(w[1], "", vMergeContinue: true),
            HeadCell(w[2], "", vMergeContinue: true),
            HeadCell(w[3], "Trước hạn"), HeadCell(w[4], "Đúng hạn"), HeadCell(w[5], "Trễ hạn"),
            HeadCell(w[6], "Trong hạn"), HeadCell(w[7], "Quá hạn"),
            HeadCell(w[8], "", vMergeContinue: true));
        headerBottom.PrependChild(new TableRowProperties(new TableHeader()));
        var rows = new List<TableRow> { headerTop, headerBottom };
        var i = 0;
        foreach (var u in r.Units)
        {
            i++;
            rows.Add(new TableRow(
                DataCell(w[0], i.ToString(CultureInfo.InvariantCulture), JustificationValues.Center),
                DataCell(w[1], u.UnitName, JustificationValues.Left),
                NumCell(w[2], u.Total), NumCell(w[3], u.CompletedEarly), NumCell(w[4], u.CompletedOnTime), NumCell(w[5], u.CompletedLate),
                NumCell(w[6], u.InProgressWithinDeadline), NumCell(w[7], u.InProgressOverdue),
                DataCell(w[8], ReportFormat.Percent(u.OnTimeRate), JustificationValues.Center)));
        }
        var s = r.Summary;
        rows.Add(new TableRow(
            DataCell(w[0], "", JustificationValues.Center),
            DataCell(w[1], "Tổng cộng", JustificationValues.Left, bold: true),
            NumCell(w[2], s.Completed + s.InProgress, true), NumCell(w[3], s.CompletedEarly, true), NumCell(w[4], s.CompletedOnTime, true),
            NumCell(w[5], s.CompletedLate, true), NumCell(w[6], s.InProgressWithinDeadline, true), NumCell(w[7], s.InProgressOverdue, true),
            DataCell(w[8], ReportFormat.Percent(s.OnTimeRate), JustificationValues.Center, bold: true)));
        return GridTable(w, rows);
    }

    private static Table OverdueTable(MonthlyReport r)
    {
        int[] w = [600, 3271, 1700, 1700, 1000, 800];
        var header = new TableRow(
            new TableRowProperties(new TableHeader()),
            HeadCell(w[0], "STT"), HeadCell(w[1], "Nhiệm vụ"), HeadCell(w[2], "Văn bản giao"),
            HeadCell(w[3], "Đơn vị chủ trì"), HeadCell(w[4], "Thời hạn"), HeadCell(w[5], "Số ngày quá hạn"));
        var rows = new List<TableRow> { header };
        var i = 0;
        foreach (var o in r.Overdue)
        {
            i++;
            rows.Add(new TableRow(
                DataCell(w[0], i.ToString(CultureInfo.InvariantCulture), JustificationValues.Center),
                DataCell(w[1], o.Task, JustificationValues.Both),
                DataCell(w[2], o.Document, JustificationValues.Left),
                DataCell(w[3], o.UnitName, JustificationValues.Left),
                DataCell(w[4], ReportFormat.Date(o.Deadline), JustificationValues.Center),
                NumCell(w[5], o.DaysOverdue)));
        }
        return GridTable(w, rows);
    }

    private static Table SignatureTable(MonthlyReport r)
    {
        const int left = 4300, right = TextWidth - left;
        var recipients = new List<OpenXmlElement>
        {
            Para("Nơi nhận:", 12, bold: true, italic: true, after: 0),
        };
        for (var i = 0; i < r.Recipients.Count; i++)
        {
            var line = r.Recipients[i].Trim().TrimEnd(';', '.');
            recipients.Add(Para($"- {line}{(i == r.Recipients.Count - 1 ? "." : ";")}", 11, after: 0));
        }
        var sign = new List<OpenXmlElement>();
        foreach (var line in r.SignerAuthority)
            sign.Add(Para(line, 14, bold: true, align: JustificationValues.Center, after: 0));
        for (var k = 0; k < 4; k++) sign.Add(Para("", 14, after: 0));
        sign.Add(Para(r.SignerName, 14, bold: true, align: JustificationValues.Center, after: 0));
        return BorderlessTable([left, right], new TableRow(Cell(left, [.. recipients]), Cell(right, [.. sign])));
    }

    // ----------------------------------------------------------------- building blocks

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        stylesPart.Styles.Save();
    }

    private static Paragraph Para(string text, int pt, bool bold = false, bool italic = false, bool underline = false,
        JustificationValues? align = null, int after = 0, int? firstLineIndent = null, int before = 0)
    {
        var pPr = new ParagraphProperties();
        pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (firstLineIndent is { } ind) pPr.Append(new Indentation { FirstLine = ind.ToString(CultureInfo.InvariantCulture) });
        if (align is { } a) pPr.Append(new Justification { Val = a });
        pPr.Append(RunProps(pt, bold, italic, underline, paragraphMark: true));
        var p = new Paragraph(pPr);
        if (text.Length > 0)
            p.Append(new Run(RunProps(pt, bold, italic, underline), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static OpenXmlCompositeElement RunProps(int pt, bool bold, bool italic, bool underline, bool paragraphMark = false)
    {
        OpenXmlCompositeElement rPr = paragraphMark ? new ParagraphMarkRunProperties() : new RunProperties();
        rPr.Append(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold) rPr.Append(new Bold());
        if (italic) rPr.Append(new Italic());
        var size = (pt * 2).ToString(CultureInfo.InvariantCulture);
        rPr.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (underline) rPr.Append(new Underline { Val = UnderlineValues.Single }); // schema order: sz, szCs, u
        return rPr;
    }

    /// <summary>Body text: 14 pt, justified, first line indented 1 cm, 6 pt after, line spacing 1.15 (NĐ 30: 6 pt between paragraphs, single to 1.5 lines).</summary>
    private static Paragraph BodyPara(string text)
    {
        var p = Para(text, 14, align: JustificationValues.Both, after: 120, firstLineIndent: TwipsPerCm);
        p.ParagraphProperties!.GetFirstChild<SpacingBetweenLines>()!.Line = "276";
        p.ParagraphProperties!.GetFirstChild<SpacingBetweenLines>()!.LineRule = LineSpacingRuleValues.Auto;
        return p;
    }

    private static Paragraph Heading(string text) =>
        Para(text, 14, bold: true, align: JustificationValues.Both, after: 120, before: 120, firstLineIndent: TwipsPerCm);

    /// <summary>The short line under the title (a bottom border on an indented empty paragraph).</summary>
    private static Paragraph ShortRule()
    {
        var side = (TextWidth - 2 * TwipsPerCm) / 2;
        var pPr = new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "240" },
            new Indentation { Left = side.ToString(CultureInfo.InvariantCulture), Right = side.ToString(CultureInfo.InvariantCulture) },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "8" }));
        return new Paragraph(pPr);
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    private static TableCell HeadCell(int width, string text, int span = 1, bool vMergeStart = false, bool vMergeContinue = false)
    {
        var tcPr = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) tcPr.Append(new GridSpan { Val = span });
        if (vMergeStart) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        if (vMergeContinue) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Continue });
        tcPr.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(tcPr, Para(text, 12, bold: true, align: JustificationValues.Center));
    }

    private static TableCell DataCell(int width, string text, JustificationValues align, bool bold = false) =>
        new(new TableCellProperties(
                new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            Para(text, 12, bold: bold, align: align));

    private static TableCell NumCell(int width, int n, bool bold = false) =>
        DataCell(width, n.ToString(CultureInfo.InvariantCulture), JustificationValues.Center, bold);

    private static Table BorderlessTable(int[] widths, params TableRow[] rows)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return MakeTable(widths, none, rows);
    }

    private static Table GridTable(int[] widths, IEnumerable<TableRow> rows)
    {
        static T B<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var borders = new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(),
            B<InsideHorizontalBorder>(), B<InsideVerticalBorder>());
        return MakeTable(widths, borders, [.. rows]);
    }

    private static Table MakeTable(int[] widths, TableBorders borders, TableRow[] rows)
    {
        var total = widths.Sum();
        var tblPr = new TableProperties(
            new TableWidth { Width = total.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            borders,
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new LeftMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                new RightMargin { Width = "60", Type = TableWidthUnitValues.Dxa }));
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
        var table = new Table(tblPr, grid);
        table.Append(rows);
        return table;
    }
}
