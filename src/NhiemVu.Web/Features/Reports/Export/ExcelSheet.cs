namespace NhiemVu.Web.Features.Reports.Export;

/// <summary>
/// A list as one Excel sheet, declared once per list: each column has its Vietnamese header, its type and a typed
/// accessor (a date column takes a <see cref="DateOnly"/>, a number column an <see cref="int"/> …), so a list cannot
/// put text where a date belongs. Written by <see cref="ExcelExporter"/> (dates as Excel dates dd/mm/yyyy, moments in
/// province time, numbers as numbers).
/// <code>
/// new ExcelSheet&lt;UnitDto&gt;("Đơn vị").Text("Mã", u =&gt; u.Code).Date("Hoạt động từ", u =&gt; u.ValidFrom).Export(units)
/// </code>
/// </summary>
public sealed class ExcelSheet<T>(string sheetName)
{
    private readonly List<(ExcelColumn Column, Func<T, object?> Value)> _columns = [];

    public string SheetName { get; } = sheetName;
    public IReadOnlyList<ExcelColumn> Columns => _columns.Select(c => c.Column).ToList();

    public ExcelSheet<T> Text(string header, Func<T, string?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Text, width), x => value(x));

    public ExcelSheet<T> Integer(string header, Func<T, long?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Integer, width), x => value(x));

    public ExcelSheet<T> Decimal(string header, Func<T, decimal?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Decimal, width), x => value(x));

    /// <summary>A fraction (0.75 is written 75.0 %).</summary>
    public ExcelSheet<T> Percent(string header, Func<T, decimal?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Percent, width), x => value(x));

    public ExcelSheet<T> Date(string header, Func<T, DateOnly?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Date, width), x => value(x));

    /// <summary>A moment, written in province local time (dd/mm/yyyy hh:mm).</summary>
    public ExcelSheet<T> DateTime(string header, Func<T, DateTimeOffset?> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.DateTime, width), x => value(x));

    /// <summary>"Có" for true, empty for false (a yes/no column that filters well).</summary>
    public ExcelSheet<T> YesNo(string header, Func<T, bool> value, double? width = null) =>
        Add(new ExcelColumn(header, ExcelColumnType.Text, width), x => value(x) ? "Có" : "");

    /// <summary>The sheet with these rows (in the given order).</summary>
    public ExcelTable Table(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_columns.Count == 0) throw new InvalidOperationException("A sheet needs at least one column.");
        var columns = Columns;
        return new ExcelTable(SheetName, columns,
            rows.Select(r => (IReadOnlyList<object?>)_columns.Select(c => c.Value(r)).ToArray()).ToList());
    }

    /// <summary>A workbook of this one sheet.</summary>
    public byte[] Export(IEnumerable<T> rows) => ExcelExporter.Export(Table(rows));

    private ExcelSheet<T> Add(ExcelColumn column, Func<T, object?> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Header);
        ArgumentNullException.ThrowIfNull(value);
        _columns.Add((column, value));
        return this;
    }
}

/// <summary>The download result for a workbook.</summary>
public static class ExcelDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File(byte[] workbook, string fileName) => Results.File(workbook, ContentType, fileName);
}
