using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NhiemVu.Web.Features.Reports.Export;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>The generated files are valid Office Open XML (what Word and Excel check before opening).</summary>
public class SchemaValidationTests
{
    private static readonly OpenXmlValidator Validator = new(FileFormatVersions.Office2016);

    [Fact]
    public void Workbook_is_valid_open_xml()
    {
        var bytes = ExcelExporter.Export(new ExcelTable("Bảng", [new("Tên"), new("Ngày", ExcelColumnType.Date)], [["A", new DateOnly(2026, 1, 2)]]));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = Validator.Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Monthly_report_is_valid_open_xml()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(MonthlyReportWriter.Write(ExportTests.SampleReport())), false);
        var errors = Validator.Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
