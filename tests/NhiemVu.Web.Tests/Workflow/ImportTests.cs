using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NhiemVu.Web.Tests.Files;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

public sealed record ImportResultDto(Guid DocumentId, int Tasks, int Assignments, string Link);

/// <summary>Excel import of an annual work programme: the template round-trips, any bad row imports nothing, office only.</summary>
public abstract class ImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);
    private static string Tag() => Random.Shared.Next(100000, 999999).ToString();

    /// <summary>The office enters a Chương trình công tác with one task; returns its id.</summary>
    private async Task<Guid> Programme(string tag)
    {
        var res = await (await w.As("vp.cv1")).PostJson("/api/documents", new
        {
            source = "Document", kind = "ChuongTrinhCongTac", numberAndSymbol = $"{tag}/CTr-UBND", summary = $"Chương trình công tác năm {tag}",
            issueDate = w.Today, directingLeaderId = await w.Leader(), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            confirmDuplicate = true,
            tasks = new[] { new { content = $"Tổng kết chương trình {tag}", leadUnitIds = new[] { await w.Unit("sonv") }, leadGroup = "None", nature = "ThuongXuyen", noDeadlineReason = "Tổng kết vào cuối năm" } },
        });
        return (await res.Read<DocumentViewDto>(HttpStatusCode.Created)).Document.Id;
    }

    private async Task<byte[]> Template()
    {
        var res = await (await w.As("vp.cv1")).GetAsync("/api/documents/import/template");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", res.Content.Headers.ContentType?.MediaType);
        return await res.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Appends rows (from row 3, after the template's example row) with the Open XML SDK; a double is written as a number cell.</summary>
    private static byte[] Fill(byte[] template, params object?[][] rows)
    {
        using var ms = new MemoryStream();
        ms.Write(template);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
            var ws = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
            var data = ws.Worksheet.GetFirstChild<SheetData>()!;
            var next = (uint)data.Elements<Row>().Max(r => r.RowIndex!.Value) + 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = next };
                for (var i = 0; i < values.Length; i++)
                {
                    var reference = $"{(char)('A' + i)}{next}";
                    switch (values[i])
                    {
                        case null: break;
                        case double d: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d) }); break;
                        case var v:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) });
                            break;
                    }
                }
                data.Append(row);
                next++;
            }
            ws.Worksheet.Save();
        }
        return ms.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] content, string name = "chuong-trinh.xlsx")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        return form;
    }

    private async Task<int> TaskCount(Guid doc) =>
        (await (await (await w.As("vp.cv1")).GetAsync($"/api/documents/{doc}")).Read<DocumentViewDto>()).Tasks.Count;

    [Fact]
    public async Task The_template_round_trips_three_rows_become_three_tasks()
    {
        var tag = Tag();
        var doc = await Programme(tag);
        var template = await Template();
        using (var check = SpreadsheetDocument.Open(new MemoryStream(template), false))
            Assert.Contains("Nội dung nhiệm vụ", check.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText
                ?? check.WorkbookPart.WorksheetParts.First().Worksheet.InnerText);
        var deadline = w.Today.AddDays(60);
        var file = Fill(template,
            [$"Xây dựng đề án chuyển đổi số ngành tài chính {tag}", "sotc", "sokhcn;khobac", deadline.ToString("dd/MM/yyyy"), "Trọng tâm", "1", "Tài chính – ngân sách", "pct.kinhte"],
            [$"Tổ chức hội nghị xúc tiến đầu tư vào khu kinh tế {tag}", "bqlkkt; soct", "", deadline.ToDateTime(TimeOnly.MinValue).ToOADate(), "Thường xuyên", 2.0, "", ""],
            [$"Kiểm tra công tác phòng chống thiên tai mùa mưa bão {tag}", "SONNMT", null, null, "đột xuất", "3", "nông nghiệp và môi trường", "chutich", "Nhiệm vụ thường xuyên"]);
        var res = await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc}/import", Upload(file));
        var result = await res.Read<ImportResultDto>();
        Assert.Equal(3, result.Tasks);
        Assert.Equal(4, result.Assignments);
        Assert.Equal($"/assignments?DocumentId={doc}", result.Link);
        Assert.Equal(4, await TaskCount(doc));

        var rows = await w.List("vp.cv1", $"q={tag}&documentId={doc}");
        var dated = rows.Where(r => r.TaskContent.Contains("xúc tiến")).ToList();
        Assert.Equal(2, dated.Count);
        Assert.All(dated, r => Assert.Equal(deadline, r.Deadline));
        Assert.Null(rows.Single(r => r.TaskContent.Contains("thiên tai")).Deadline);
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_imports_nothing_and_names_every_bad_row()
    {
        var tag = Tag();
        var doc = await Programme(tag);
        var file = Fill(await Template(),
            [$"Nhiệm vụ tốt thứ nhất {tag}", "sotc", "", "", "", "1", "", "", "Nhiệm vụ thường xuyên"],                    // row 3: good
            [$"Nhiệm vụ đơn vị sai {tag}", "sotc;khongco", "", "", "", "1", "", "", "Nhiệm vụ thường xuyên"],              // row 4: unknown unit
            [$"Nhiệm vụ tốt thứ hai {tag}", "soxd", "", "", "", "2", "", "", "Nhiệm vụ thường xuyên"],                     // row 5: good
            [$"Nhiệm vụ ngày sai {tag}", "soxd", "", "31/02/2026", "", "2", "", ""],              // row 6: bad date
            [$"Nhiệm vụ trước ngày ban hành {tag}", "soxd", "", w.Today.AddDays(-3).ToString("dd/MM/yyyy"), "", "2", "", ""], // row 7
            ["", "soxd", "", "", "", "2", "", "", "Nhiệm vụ thường xuyên"],                                                // row 8: no content
            [$"Nhiệm vụ lãnh đạo sai {tag}", "soxd", "", "", "", "2", "", "sotc.daumoi", "Nhiệm vụ thường xuyên"],          // row 9: not a leader
            [$"Nhiệm vụ quý sai {tag}", "soxd", "", "", "", "5", "", "", "Nhiệm vụ thường xuyên"],                        // row 10: quarter
            [$"Nhiệm vụ thiếu lý do không có thời hạn {tag}", "soxd", "", "", "", "2", "", ""]);                     // row 11: no deadline, no reason
        var res = await (await w.As("vp.cv1")).PostAsync($"/api/documents/{doc}/import", Upload(file));
        var problem = await res.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("import.invalid_rows", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["row 10", "row 11", "row 4", "row 6", "row 7", "row 8", "row 9"], errors.EnumerateObject().Select(p => p.Name).Order().ToList());
        Assert.Contains("lý do không có thời hạn", errors.GetProperty("row 11")[0].GetString());
        Assert.Contains("khongco", errors.GetProperty("row 4")[0].GetString());
        Assert.Contains("31/02/2026", errors.GetProperty("row 6")[0].GetString());
        Assert.Contains("ngày ban hành", errors.GetProperty("row 7")[0].GetString());
        Assert.Contains("sotc.daumoi", errors.GetProperty("row 9")[0].GetString());
        Assert.Contains("1 đến 4", errors.GetProperty("row 10")[0].GetString());
        Assert.Equal(1, await TaskCount(doc));
        Assert.Single(await w.List("vp.cv1", $"documentId={doc}"));
    }

    [Fact]
    public async Task A_row_nearly_duplicating_an_open_task_is_a_row_error_unless_confirmed()
    {
        var tag = Tag();
        var doc = await Programme(tag);
        await w.EnterDocument("Giải ngân", ["sogddt"], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công. {tag}");
        var file = Fill(await Template(), [$"Rà soát, báo cáo kết quả giải ngân vốn đầu tư công {tag}", "sogddt", "", "", "", "4", "", "", "Nhiệm vụ thường xuyên"]);
        var office = await w.As("vp.cv1");
        var problem = await (await office.PostAsync($"/api/documents/{doc}/import", Upload(file))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("gần trùng", problem.GetProperty("errors").GetProperty("row 3")[0].GetString());
        var form = Upload(file);
        form.Add(new StringContent("true"), "confirmDuplicate");
        Assert.Equal(1, (await (await office.PostAsync($"/api/documents/{doc}/import", form)).Read<ImportResultDto>()).Tasks);
    }

    [Fact]
    public async Task Only_the_office_imports_and_only_xlsx_files()
    {
        var tag = Tag();
        var doc = await Programme(tag);
        var file = Fill(await Template(), [$"Nhiệm vụ của đơn vị {tag}", "sotc", "", "", "", "1", "", "", "Nhiệm vụ thường xuyên"]);
        await (await (await w.As("sotc.daumoi")).PostAsync($"/api/documents/{doc}/import", Upload(file))).Problem(HttpStatusCode.Forbidden);
        await (await (await w.As("chutich")).PostAsync($"/api/documents/{doc}/import", Upload(file))).Problem(HttpStatusCode.Forbidden);

        var office = await w.As("vp.cv1");
        var pdf = await (await office.PostAsync($"/api/documents/{doc}/import", Upload(FileTests<TApp>.Pdf(), "chuong-trinh.xlsx"))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("xlsx", pdf.GetProperty("detail").GetString());
        var docx = await (await office.PostAsync($"/api/documents/{doc}/import", Upload(FileTests<TApp>.Docx()))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("Excel", docx.GetProperty("detail").GetString());
        Assert.Equal(1, await TaskCount(doc));

        // A document that is not a programme or plan.
        var letter = await w.EnterDocument("Công văn thường", ["sotc"]);
        await (await office.PostAsync($"/api/documents/{letter.Document.Id}/import", Upload(file))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_import_page_creates_the_programme_document_and_reports_the_counts()
    {
        var tag = Tag();
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("vp.tonghop");
        Assert.Equal("200", await browser.VisitAsync("/documents/import"));
        var template = await browser.Client.GetAsync("/documents/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var file = Fill(await template.Content.ReadAsByteArrayAsync(),
            [$"Nhiệm vụ nhập từ trang {tag}", "soyt;sogddt", "", "", "Trọng tâm", "2", "", "", "Nhiệm vụ thường xuyên"]);

        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.AntiforgeryAsync("/documents/import")), "__RequestVerificationToken" },
            { new StringContent(""), "DocumentId" }, { new StringContent("ChuongTrinhCongTac"), "Kind" },
            { new StringContent($"{tag}/CTr-UBND"), "NumberAndSymbol" }, { new StringContent($"Chương trình công tác {tag}"), "Summary" },
            { new StringContent(w.Today.ToString("yyyy-MM-dd")), "IssueDate" }, { new StringContent((await w.Leader()).ToString()), "DirectingLeaderId" },
            { new StringContent("Nguyễn Văn Chính"), "SignerName" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "File", "ct.xlsx");
        var res = await browser.Client.PostAsync("/documents/import", form);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Đã nhập 1 nhiệm vụ, giao 2 lượt", html);
        Assert.Equal(2, (await w.List("vp.cv1", $"q={tag}")).Count);

        var unit = new CookieBrowser(app.Factory);
        await unit.LoginAsync("soyt.daumoi");
        Assert.NotEqual("200", await unit.VisitAsync("/documents/import"));
        Assert.NotEqual("200", await unit.VisitAsync("/documents/import/template.xlsx"));
    }
}

public sealed class ImportTests_Sqlite(SqliteApp app) : ImportTests<SqliteApp>(app);
public sealed class ImportTests_Postgres(PostgresApp app) : ImportTests<PostgresApp>(app);
