using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Reports.Export;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Documents;

public sealed record ImportResult(Guid DocumentId, int Tasks, int Assignments, string Link);

/// <summary>One bad row of an imported sheet (1-based sheet row number) and why.</summary>
public sealed record ImportRowError(int Row, string Reason);

/// <summary>Some rows of the sheet are bad: nothing was imported (400, code <c>import.invalid_rows</c>, <c>errors</c> keyed "row N").</summary>
public sealed class ImportRowsException(IReadOnlyList<ImportRowError> rows)
    : Exception($"Tệp có {rows.Select(r => r.Row).Distinct().Count()} dòng không hợp lệ; chưa nhập nhiệm vụ nào.")
{
    public IReadOnlyList<ImportRowError> Rows { get; } = rows;
}

/// <summary>
/// Import of an annual work programme (Chương trình công tác) or a plan (Kế hoạch) from an .xlsx
/// sheet: one task per row, one assignment per lead unit. Every row is checked first; if any row is
/// bad nothing is saved (the tasks are saved with one SaveChanges, i.e. one transaction).
/// Columns (first sheet, row 1 = header, rows whose content starts with "(Ví dụ)" and empty rows are skipped):
/// A content; B lead unit codes separated by ";"; C cooperating unit codes; D deadline (dd/MM/yyyy text or an
/// Excel date; empty = no deadline); E nature (Trọng tâm / Thường xuyên / Đột xuất; empty = Thường xuyên);
/// F quarter 1–4 (required for a Chương trình công tác, which puts the task in the annual work programme);
/// G field name; H directing leader's user name (empty = the document's); I reason for having no deadline (required
/// when D is empty, seed 002 art. 3.3).
/// </summary>
public sealed class ProgrammeImport(AppDbContext db, TimeProvider clock, WorkflowUser user, DocumentHandlers documents, AssignmentHandlers assignments)
{
    public const string ExamplePrefix = "(Ví dụ)";
    public static readonly string[] Headers =
    [
        "Nội dung nhiệm vụ", "Đơn vị chủ trì (mã, cách nhau bởi ;)", "Đơn vị phối hợp (mã, cách nhau bởi ;)", "Thời hạn (dd/MM/yyyy)",
        "Tính chất (Trọng tâm/Thường xuyên/Đột xuất)", "Quý (1–4)", "Lĩnh vực", "Người chỉ đạo (tên đăng nhập)",
        "Lý do không có thời hạn (bắt buộc khi để trống thời hạn)",
    ];

    public static readonly DirectiveKind[] ProgrammeKinds = [DirectiveKind.ChuongTrinhCongTac, DirectiveKind.KeHoach];

    /// <summary>The template: the header row and one example row (skipped on import).</summary>
    public static byte[] Template() => ExcelExporter.Export(new ExcelTable("Nhiệm vụ",
        Headers.Select((h, i) => new ExcelColumn(h, ExcelColumnType.Text, i == 0 ? 60 : 24)).ToList(),
        [[
            $"{ExamplePrefix} Rà soát, báo cáo kết quả giải ngân vốn đầu tư công", "sotc;soxd", "khobac", "30/06/2026", "Trọng tâm", "2",
            "Kinh tế tổng hợp", "pct.kinhte", "(Ví dụ khi không có thời hạn) Nhiệm vụ thường xuyên, theo dõi cả năm",
        ]]));

    /// <summary>Programme documents the office may import into (newest first).</summary>
    public async Task<List<DocumentRow>> ProgrammesAsync()
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng UBND tỉnh nhập chương trình công tác.");
        var kinds = ProgrammeKinds.Cast<DirectiveKind?>().ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => kinds.Contains(d.Kind)).OrderByDescending(d => d.IssueDate).Take(200).ToListAsync();
        return docs.Select(d => new DocumentRow(d.Id, d.Source, d.Kind, d.NumberAndSymbol, d.Summary, d.IssueDate, d.DirectingLeaderId, "",
            d.EnteredAtUtc, 0, 0)).ToList();
    }

    /// <summary>Imports into an existing programme document.</summary>
    public async Task<ImportResult> ImportAsync(Guid documentId, IFormFile? file, bool confirmDuplicate)
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng UBND tỉnh nhập chương trình công tác.");
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId) ?? throw new NotFoundException("Không tìm thấy văn bản.");
        if (doc.Kind is not { } k || !ProgrammeKinds.Contains(k))
            throw new DomainValidationException("DocumentId", "Chỉ nhập nhiệm vụ từ Excel vào Chương trình công tác hoặc Kế hoạch.");
        return await ImportRowsAsync(doc, file, confirmDuplicate, me);
    }

    /// <summary>Creates the programme document and imports its tasks, all or nothing.</summary>
    public async Task<ImportResult> ImportNewAsync(CreateDocumentCommand header, IFormFile? file, bool confirmDuplicate)
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng UBND tỉnh nhập chương trình công tác.");
        if (header.Kind is not { } k || !ProgrammeKinds.Contains(k))
            throw new DomainValidationException("Kind", "Chỉ nhập nhiệm vụ từ Excel vào Chương trình công tác hoặc Kế hoạch.");
        var doc = await documents.NewDocumentAsync(header, me);
        db.Documents.Add(doc);
        return await ImportRowsAsync(doc, file, confirmDuplicate, me);
    }

    private async Task<ImportResult> ImportRowsAsync(DirectiveDocument doc, IFormFile? file, bool confirmDuplicate, UserScope me)
    {
        if (file is null || file.Length == 0) throw new DomainValidationException("file", "Hãy chọn tệp Excel (.xlsx) cần nhập.");
        List<(int Row, string[] Cells, double?[] Numbers)> rows;
        await using (var stream = file.OpenReadStream())
            rows = ReadSheet(stream);
        rows = rows.Where(r => r.Cells.Any(c => c.Length > 0) && !r.Cells[0].StartsWith(ExamplePrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count == 0) throw new DomainValidationException("file", "Tệp không có dòng nhiệm vụ nào (dòng 1 là tiêu đề).");

        var now = clock.GetUtcNow();
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.IsActive }).ToListAsync();
        var byCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var fields = (await db.Fields.AsNoTracking().Select(f => new { f.Id, f.Name }).ToListAsync())
            .GroupBy(f => NearDuplicates.Normalize(f.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var leaders = await (from u in db.Users.AsNoTracking()
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.ProvincialLeader && !u.IsDisabled
                             select new { u.Id, u.UserName }).ToListAsync();
        var leaderByName = leaders.Where(l => l.UserName != null).ToDictionary(l => l.UserName!, l => l.Id, StringComparer.OrdinalIgnoreCase);
        var unitNames = confirmDuplicate ? new Dictionary<Guid, string>() : await assignments.UnitNamesAsync();
        var programme = doc.Kind == DirectiveKind.ChuongTrinhCongTac ? TaskProgramme.AnnualWorkProgramme : TaskProgramme.None;

        var errors = new List<ImportRowError>();
        int tasks = 0, assignmentCount = 0;
        foreach (var (row, cells, numbers) in rows)
        {
            var before = errors.Count;
            void Bad(string reason) => errors.Add(new ImportRowError(row, reason));

            var content = cells[0];
            if (content.Length == 0) Bad("Thiếu nội dung nhiệm vụ.");
            List<Guid> Codes(string text, string what)
            {
                var ids = new List<Guid>();
                foreach (var code in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!byCode.TryGetValue(code, out var u)) Bad($"Không có đơn vị mã \"{code}\" ({what}).");
                    else if (!u.IsActive) Bad($"Đơn vị mã \"{code}\" đã ngừng hoạt động ({what}).");
                    else if (!ids.Contains(u.Id)) ids.Add(u.Id);
                }
                return ids;
            }
            var leads = Codes(cells[1], "chủ trì");
            if (cells[1].Length == 0) Bad("Thiếu đơn vị chủ trì.");
            var coop = Codes(cells[2], "phối hợp");

            DateOnly? deadline = null;
            if (numbers[3] is { } serial)
            {
                try { deadline = DateOnly.FromDateTime(DateTime.FromOADate(serial)); }
                catch (ArgumentException) { Bad($"Thời hạn không hợp lệ: {cells[3]}."); }
            }
            else if (cells[3].Length > 0)
            {
                if (DateOnly.TryParseExact(cells[3], ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    deadline = d;
                else Bad($"Thời hạn \"{cells[3]}\" không đúng dạng ngày dd/MM/yyyy.");
            }

            var nature = TaskNature.ThuongXuyen;
            switch (NearDuplicates.Normalize(cells[4]))
            {
                case "": case "thuong xuyen": break;
                case "trong tam": nature = TaskNature.TrongTam; break;
                case "dot xuat": nature = TaskNature.DotXuat; break;
                default: Bad($"Tính chất \"{cells[4]}\" không hợp lệ (Trọng tâm, Thường xuyên hoặc Đột xuất)."); break;
            }

            int? quarter = null;
            if (cells[5].Length > 0)
            {
                if (int.TryParse(cells[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4) quarter = q;
                else Bad($"Quý \"{cells[5]}\" phải là số từ 1 đến 4.");
            }
            else if (programme == TaskProgramme.AnnualWorkProgramme) Bad("Thiếu quý (1–4) của nhiệm vụ trong Chương trình công tác.");

            Guid? field = null;
            if (cells[6].Length > 0)
            {
                if (fields.TryGetValue(NearDuplicates.Normalize(cells[6]), out var f)) field = f;
                else Bad($"Không có lĩnh vực \"{cells[6]}\".");
            }

            Guid? leader = null;
            if (cells[7].Length > 0)
            {
                if (leaderByName.TryGetValue(cells[7], out var l)) leader = l;
                else Bad($"\"{cells[7]}\" không phải tên đăng nhập của lãnh đạo UBND tỉnh.");
            }
            if (errors.Count > before) continue;

            try
            {
                var created = DirectiveTask.Create(doc, new NewTaskData(content, leads, deadline, nature, coop.Except(leads).ToList(),
                    programme, programme == TaskProgramme.None ? null : quarter, field, leader, null, false,
                    NoDeadlineReason: cells[8]), now, me.Actor);
                if (!confirmDuplicate)
                    foreach (var s in await NearDuplicates.FindAsync(db, created.Task.Content, leads, now, row, unitNames))
                        Bad($"Nội dung gần trùng với nhiệm vụ đang thực hiện \"{s.Content}\" (văn bản {s.DocumentNumber}); " +
                            "kiểm tra lại hoặc nhập với xác nhận không trùng.");
                if (errors.Count > before) continue;
                DocumentHandlers.AddTask(db, doc, created);
                tasks++;
                assignmentCount += created.Assignments.Count;
            }
            catch (DomainValidationException v) { Bad(v.Message); }
        }
        if (errors.Count > 0) throw new ImportRowsException(errors);
        await db.SaveChangesAsync();
        return new ImportResult(doc.Id, tasks, assignmentCount, $"/assignments?DocumentId={doc.Id}");
    }

    /// <summary>The first worksheet's rows from row 2: nine cells (A–I) as trimmed text, and the numeric value of each cell that holds a number.</summary>
    private static List<(int Row, string[] Cells, double?[] Numbers)> ReadSheet(Stream stream)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
            or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new DomainValidationException("file", "Tệp không phải bảng tính Excel (.xlsx) hoặc đã bị hỏng.");
        }
        using (doc)
        {
            var wb = doc.WorkbookPart;
            var first = wb?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (wb is null || first?.Id?.Value is not { } rid || wb.GetPartById(rid) is not WorksheetPart ws)
                throw new DomainValidationException("file", "Tệp Excel không có trang tính nào.");
            var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var result = new List<(int, string[], double?[])>();
            foreach (var r in ws.Worksheet.Descendants<Row>())
            {
                var index = (int)(r.RowIndex?.Value ?? 0);
                if (index <= 1) continue;
                var cells = new string[Headers.Length];
                var numbers = new double?[Headers.Length];
                Array.Fill(cells, "");
                foreach (var c in r.Elements<Cell>())
                {
                    var col = Column(c.CellReference?.Value);
                    if (col < 0 || col >= Headers.Length) continue;
                    string text;
                    if (c.DataType?.Value == CellValues.SharedString)
                        text = int.TryParse(c.CellValue?.Text, out var si) && si >= 0 && si < shared.Count ? shared[si] : "";
                    else if (c.DataType?.Value == CellValues.InlineString) text = c.InlineString?.InnerText ?? "";
                    else
                    {
                        text = c.CellValue?.Text ?? "";
                        if ((c.DataType is null || c.DataType.Value == CellValues.Number)
                            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) numbers[col] = n;
                    }
                    cells[col] = text.Trim();
                }
                result.Add((index, cells, numbers));
            }
            return result;
        }
    }

    private static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }
}
