using System.Net;
using System.Text.Json;
using NhiemVu.Web.Features.Documents;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>The similarity measure and its 0.8 threshold, without a database.</summary>
public sealed class NearDuplicateSimilarityTests
{
    [Theory]
    // Punctuation, diacritics and case only: identical after normalisation.
    [InlineData("Rà soát, báo cáo kết quả giải ngân vốn đầu tư công", "Rà soát báo cáo kết quả giải ngân vốn đầu tư công.", true)]
    [InlineData("RÀ SOÁT BÁO CÁO KẾT QUẢ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG", "ra soat bao cao ket qua giai ngan von dau tu cong", true)]
    // One extra short word in a long sentence.
    [InlineData("Rà soát, báo cáo kết quả giải ngân vốn đầu tư công năm 2026 trên địa bàn tỉnh",
        "Rà soát, báo cáo kết quả giải ngân vốn đầu tư công năm 2026 trên toàn địa bàn tỉnh", true)]
    // Same subject, different work: not a near duplicate.
    [InlineData("Rà soát, báo cáo kết quả giải ngân vốn đầu tư công", "Xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026-2030", false)]
    [InlineData("Báo cáo kết quả giải ngân vốn đầu tư công quý I", "Tổ chức kiểm tra an toàn thực phẩm dịp Tết", false)]
    public void Threshold_separates_near_duplicates_from_different_tasks(string a, string b, bool near)
    {
        var s = NearDuplicates.Similarity(a, b);
        Assert.True(near == s >= NearDuplicates.Threshold, $"similarity {s:0.000}");
    }

    [Fact]
    public void Normalisation_drops_punctuation_case_and_diacritics()
    {
        Assert.Equal("ra soat bao cao ket qua", NearDuplicates.Normalize("  Rà soát,  BÁO CÁO – kết quả. "));
        Assert.Equal(1.0, NearDuplicates.Similarity("Đường bộ", "duong bo!"));
    }
}

/// <summary>Entering a task whose content nearly duplicates an open task of the same lead unit: 409 with the candidates, saved once confirmed.</summary>
public abstract class NearDuplicateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);
    private static string Tag() => Random.Shared.Next(100000, 999999).ToString();

    [Fact]
    public async Task Warns_on_punctuation_diacritic_and_case_differences_then_saves_when_confirmed()
    {
        var tag = Tag();
        var existing = await w.EnterDocument("Giải ngân vốn đầu tư công", ["sokhcn"], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công. Đợt {tag}");
        var res = await w.PostDocument("Giải ngân (nhắc lại)", ["sokhcn", "sodtoc"], content: $"RÀ SOÁT, báo cáo kết quả giải ngân vốn đầu tư công đợt {tag}",
            confirmDuplicate: false);
        var problem = await res.Problem(HttpStatusCode.Conflict);
        Assert.Equal("task.near_duplicate", problem.GetProperty("code").GetString());
        var candidate = Assert.Single(problem.GetProperty("candidates").EnumerateArray());
        Assert.Equal(existing.Tasks[0].Id, candidate.GetProperty("taskId").GetGuid());
        Assert.Equal(existing.Document.NumberAndSymbol, candidate.GetProperty("documentNumber").GetString());
        Assert.Equal(0, candidate.GetProperty("taskIndex").GetInt32());
        Assert.Contains("Sở Khoa học", candidate.GetProperty("leadUnits")[0].GetProperty("name").GetString());
        Assert.True(candidate.GetProperty("similarity").GetDouble() >= 0.8);
        Assert.Equal($"/assignments?DocumentId={existing.Document.Id}", candidate.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.String, candidate.GetProperty("deadline").ValueKind);
        // Nothing was saved.
        var list = await w.List("vp.cv1", $"q={tag}");
        Assert.Single(list);

        var confirmed = await w.PostDocument("Giải ngân (nhắc lại)", ["sokhcn", "sodtoc"], content: $"RÀ SOÁT, báo cáo kết quả giải ngân vốn đầu tư công đợt {tag}",
            confirmDuplicate: true);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(3, (await w.List("vp.cv1", $"q={tag}")).Count);
    }

    [Fact]
    public async Task The_query_string_confirmation_is_accepted_too()
    {
        var tag = Tag();
        await w.EnterDocument("Kiểm tra", ["sovhttdl"], content: $"Kiểm tra công tác quản lý di tích lịch sử văn hóa {tag}");
        var office = await w.As("vp.cv1");
        var body = new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{tag}/UBND-VX", summary = "Kiểm tra di tích", issueDate = w.Today,
            directingLeaderId = await w.Leader(), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            tasks = new[] { new { content = $"Kiểm tra công tác quản lý di tích lịch sử - văn hóa {tag}", leadUnitIds = new[] { await w.Unit("sovhttdl") },
                leadGroup = "None", nature = "TrongTam", noDeadlineReason = "Kiểm tra định kỳ hằng năm" } },
        };
        await (await office.PostJson("/api/documents", body)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await office.PostJson("/api/documents?confirmDuplicate=true", body)).StatusCode);
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Cancelled")]
    public async Task No_warning_against_a_completed_or_cancelled_task(string state)
    {
        var tag = Tag();
        // Each case its own unit: the two cases' texts differ only by their tags and would match each other.
        var unit = state == "Completed" ? "bqlkkt" : "bchqs";
        var doc = await w.EnterDocument("Đã xong", [unit], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công. Mã {tag}");
        var id = doc.Tasks[0].Assignments[0].Id;
        if (state == "Completed")
        {
            await (await w.Act($"{unit}.daumoi", id, "reports", s => w.ReportToday(s, $"nd-{tag}"))).Read<JsonElement>();
            await (await w.Act("vp.cv1", id, "review", s => new { passed = true, concurrencyStamp = s })).Read<JsonElement>();
        }
        else await (await w.Act("vp.cv1", id, "cancel", s => new { reason = "Không còn phù hợp", concurrencyStamp = s })).Read<JsonElement>();

        var res = await w.PostDocument("Giao lại", [unit], content: $"Rà soát, báo cáo kết quả giải ngân vốn đầu tư công mã {tag}", confirmDuplicate: false);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
    }

    [Fact]
    public async Task Unrelated_content_or_another_lead_unit_saves_without_a_warning()
    {
        var tag = Tag();
        await w.EnterDocument("Đầu tư công", ["ptth"], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công {tag}");
        var unrelated = await w.PostDocument("Phòng cháy", ["ptth"], content: $"Tuyên truyền phòng cháy chữa cháy mùa khô {tag}", confirmDuplicate: false);
        Assert.Equal(HttpStatusCode.Created, unrelated.StatusCode);
        var otherUnit = await w.PostDocument("Đầu tư công", ["thads"], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công {tag}", confirmDuplicate: false);
        Assert.Equal(HttpStatusCode.Created, otherUnit.StatusCode);
    }

    [Fact]
    public async Task The_document_form_lists_the_similar_tasks_and_saves_after_the_tick_box()
    {
        var tag = Tag();
        var existing = await w.EnterDocument("Biểu mẫu", ["sonnmt"], content: $"Rà soát báo cáo kết quả giải ngân vốn đầu tư công {tag}");
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("vp.cv2");
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "CongVan", ["NumberAndSymbol"] = $"{tag}/UBND-KT", ["Summary"] = "Nhắc lại", ["IssueDate"] = w.Today.ToString("yyyy-MM-dd"),
            ["DirectingLeaderId"] = (await w.Leader()).ToString(), ["SignerName"] = "Nguyễn Văn Chính",
            ["Tasks[0].Content"] = $"Rà soát, báo cáo kết quả giải ngân vốn đầu tư công {tag}", ["Tasks[0].LeadUnitIds"] = (await w.Unit("sonnmt")).ToString(),
            ["Tasks[0].LeadGroup"] = "None", ["Tasks[0].Nature"] = "TrongTam", ["Tasks[0].NoDeadlineReason"] = "Nhiệm vụ thường xuyên",
        };
        var warned = await browser.PostFormAsync("/documents/new", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var html = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        Assert.Contains("gần trùng", html);
        Assert.Contains(existing.Document.NumberAndSymbol, html);
        Assert.Contains($"/assignments?DocumentId={existing.Document.Id}", html);
        Assert.Contains("name=\"ConfirmDuplicate\"", html);

        fields["ConfirmDuplicate"] = "true";
        var saved = await browser.PostFormAsync("/documents/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}

public sealed class NearDuplicateTests_Sqlite(SqliteApp app) : NearDuplicateTests<SqliteApp>(app);
public sealed class NearDuplicateTests_Postgres(PostgresApp app) : NearDuplicateTests<PostgresApp>(app);
