using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Features.Reports.Export;

/// <summary>How a column's values are written.</summary>
public enum ExcelColumnType
{
    /// <summary>Any value, written as text (ToString).</summary>
    Text = 0,
    /// <summary>int / long, format "#,##0".</summary>
    Integer = 1,
    /// <summary>decimal / double, format "#,##0.00".</summary>
    Decimal = 2,
    /// <summary>A fraction (0.75 = 75 %), format "0.0%".</summary>
    Percent = 3,
    /// <summary>DateOnly (or DateTime's date): a real Excel date, format dd/mm/yyyy.</summary>
    Date = 4,
    /// <summary>DateTimeOffset: converted to province local time, format dd/mm/yyyy hh:mm.</summary>
    DateTime = 5,
}

/// <summary>A column: its Vietnamese header, its type and (optionally) its width in characters.</summary>
public sealed record ExcelColumn(string Header, ExcelColumnType Type = ExcelColumnType.Text, double? Width = null);

/// <summary>One sheet. Each row has one value per column; null leaves the cell empty.</summary>
public sealed record ExcelTable(string SheetName, IReadOnlyList<ExcelColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes tables as an .xlsx workbook (Open XML SDK): one sheet per table, a bold header row that
/// is frozen and carries an auto-filter, column widths, typed cells (numbers are numbers, dates are
/// Excel serial dates with a dd/mm/yyyy format, times are province local times).
/// </summary>
public static class ExcelExporter
{
    // Style indexes into the cellXfs written by BuildStylesheet.
    private const uint StyleText = 0, StyleHeader = 1, StyleInteger = 2, StyleDecimal = 3, StylePercent = 4, StyleDate = 5, StyleDateTime = 6;
    private const uint FmtDate = 164, FmtDateTime = 165, FmtPercent = 166;

    public static byte[] Export(params ExcelTable[] tables) => Export((IReadOnlyList<ExcelTable>)tables);

    public static byte[] Export(IReadOnlyList<ExcelTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0) throw new ArgumentException("At least one table.", nameof(tables));
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wbPart = doc.AddWorkbookPart();
            wbPart.Workbook = new Workbook();
            var styles = wbPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BuildStylesheet();
            var sheets = wbPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                var name = SheetName(table.SheetName, i, usedNames);
                var wsPart = wbPart.AddNewPart<WorksheetPart>();
                wsPart.Worksheet = BuildWorksheet(table);
                sheets.Append(new Sheet { Id = wbPart.GetIdOfPart(wsPart), SheetId = (uint)(i + 1), Name = name });
                // Excel expects the hidden _FilterDatabase name alongside an auto-filter.
                definedNames.Append(new DefinedName($"'{name.Replace("'", "''")}'!{FilterRange(table)}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
                });
            }
            wbPart.Workbook.Append(definedNames);
            wbPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string FilterRange(ExcelTable t)
    {
        var last = ColumnName(Math.Max(t.Columns.Count, 1) - 1);
        return $"$A$1:${last}${Math.Max(t.Rows.Count + 1, 1)}";
    }

    private static Worksheet BuildWorksheet(ExcelTable table)
    {
        var cols = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var col = table.Columns[c];
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = col.Width ?? DefaultWidth(col, table, c), CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < table.Columns.Count; c++)
            header.Append(TextCell(ColumnName(c) + "1", table.Columns[c].Header, StyleHeader));
        data.Append(header);

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var values = table.Rows[r];
            if (values.Count != table.Columns.Count)
                throw new ArgumentException($"Row {r} has {values.Count} values for {table.Columns.Count} columns.", nameof(table));
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < values.Count; c++)
            {
                var cell = ValueCell($"{ColumnName(c)}{rowIndex}", values[c], table.Columns[c].Type);
                if (cell is not null) row.Append(cell);
            }
            data.Append(row);
        }

        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 });

        var ws = new Worksheet(views, new SheetFormatProperties { DefaultRowHeight = 15 }, cols, data);
        if (table.Columns.Count > 0)
            ws.Append(new AutoFilter { Reference = FilterRange(table).Replace("$", "") });
        return ws;
    }

    private static double DefaultWidth(ExcelColumn col, ExcelTable table, int c)
    {
        var min = col.Type switch
        {
            ExcelColumnType.Date => 12,
            ExcelColumnType.DateTime => 17,
            ExcelColumnType.Integer or ExcelColumnType.Percent => 10,
            ExcelColumnType.Decimal => 12,
            _ => 10,
        };
        var longest = col.Header.Length + 3; // room for the filter button
        if (col.Type == ExcelColumnType.Text)
            foreach (var row in table.Rows.Take(500))
                longest = Math.Max(longest, row[c]?.ToString()?.Length ?? 0);
        return Math.Clamp(longest + 1, min, 60);
    }

    private static Cell? ValueCell(string reference, object? value, ExcelColumnType type)
    {
        if (value is null) return null;
        switch (type)
        {
            case ExcelColumnType.Integer:
                return NumberCell(reference, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), StyleInteger);
            case ExcelColumnType.Decimal:
                return NumberCell(reference, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), StyleDecimal);
            case ExcelColumnType.Percent:
                return NumberCell(reference, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), StylePercent);
            case ExcelColumnType.Date:
                var date = value switch
                {
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    DateTime dt => dt.Date,
                    DateTimeOffset dto => ProvinceTime.ToLocal(dto).DateTime.Date,
                    _ => throw new ArgumentException($"Not a date: {value.GetType().Name}", nameof(value)),
                };
                return NumberCell(reference, (decimal)date.ToOADate(), StyleDate);
            case ExcelColumnType.DateTime:
                var local = value switch
                {
                    DateTimeOffset dto => ProvinceTime.ToLocal(dto).DateTime,
                    DateTime dt => dt,
                    _ => throw new ArgumentException($"Not a moment: {value.GetType().Name}", nameof(value)),
                };
                // Whole minutes: what the format shows, and no floating noise in the serial.
                local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
                return NumberCell(reference, Math.Round((decimal)local.ToOADate(), 10), StyleDateTime);
            default:
                return TextCell(reference, value.ToString() ?? "", StyleText);
        }
    }

    private static Cell NumberCell(string reference, decimal v, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        CellValue = new CellValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        DataType = CellValues.Number,
    };

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        StyleIndex = style,
        DataType = CellValues.InlineString,
    };

    /// <summary>Removes characters XML 1.0 cannot carry; cuts at Excel's 32,767-character cell limit.</summary>
    private static string Clean(string s)
    {
        var clean = new string(s.Where(ch => ch is '\t' or '\n' or '\r' || ch >= ' ' && ch != '\uFFFE' && ch != '\uFFFF').ToArray());
        return clean.Length > 32767 ? clean[..32767] : clean;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string SheetName(string wanted, int index, HashSet<string> used)
    {
        var invalid = new[] { ':', '\\', '/', '?', '*', '[', ']' };
        var name = new string((wanted ?? "").Where(ch => !invalid.Contains(ch)).ToArray()).Trim().Trim('\'');
        if (name.Length == 0) name = $"Sheet{index + 1}";
        if (name.Length > 31) name = name[..31];
        var candidate = name;
        for (var k = 2; !used.Add(candidate); k++)
        {
            var suffix = $" ({k})";
            candidate = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
        }
        return candidate;
    }

    private static Stylesheet BuildStylesheet()
    {
        var numberingFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = FmtDate, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = FmtDateTime, FormatCode = "dd/mm/yyyy hh:mm" },
            new NumberingFormat { NumberFormatId = FmtPercent, FormatCode = "0.0%" })
        { Count = 3 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }))
        { Count = 2 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
        CellFormat Xf(uint numFmt, uint font = 0, uint fill = 0, bool wrapCenter = false)
        {
            var xf = new CellFormat { NumberFormatId = numFmt, FontId = font, FillId = fill, BorderId = 1, FormatId = 0, ApplyBorder = true };
            if (numFmt != 0) xf.ApplyNumberFormat = true;
            if (font != 0) xf.ApplyFont = true;
            if (fill != 0) xf.ApplyFill = true;
            if (wrapCenter)
            {
                xf.ApplyAlignment = true;
                xf.Append(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true });
            }
            return xf;
        }
        var cellFormats = new CellFormats(
            Xf(0),                          // StyleText
            Xf(0, font: 1, fill: 2, wrapCenter: true), // StyleHeader
            Xf(3),                          // StyleInteger "#,##0"
            Xf(4),                          // StyleDecimal "#,##0.00"
            Xf(FmtPercent),                 // StylePercent
            Xf(FmtDate),                    // StyleDate
            Xf(FmtDateTime))                // StyleDateTime
        { Count = 7 };
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberingFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }
}
