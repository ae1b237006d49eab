using System.Net;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>Seed 002 art. 3.3: a task without a deadline is recorded only with the reason it has none.</summary>
public abstract class NoDeadlineReasonTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    private async Task<HttpResponseMessage> Post(string? reason, string tag) => await (await w.As("vp.cv1")).PostJson("/api/documents", new
    {
        source = "Document", kind = "CongVan", numberAndSymbol = $"{tag}/UBND-TH", summary = $"Văn bản {tag}", issueDate = w.Today,
        directingLeaderId = await w.Leader(), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong", confirmDuplicate = true,
        tasks = new[] { new { content = $"Theo dõi tình hình {tag}", leadUnitIds = new[] { await w.Unit("soyt") }, leadGroup = "None",
            deadline = (DateOnly?)null, nature = "ThuongXuyen", noDeadlineReason = reason } },
    });

    [Fact]
    public async Task A_task_without_deadline_needs_a_reason_and_shows_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var problem = await (await Post("  ", tag)).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Tasks[0].NoDeadlineReason", out _), problem.ToString());
        Assert.Empty(await w.List("vp.cv1", $"q={tag}"));

        var doc = await (await Post("Nhiệm vụ thường xuyên, theo dõi cả năm", tag)).Read<DocumentViewDto>(HttpStatusCode.Created);
        var id = doc.Tasks[0].Assignments[0].Id;
        var detail = await (await (await w.As("soyt.daumoi")).GetAsync($"/api/assignments/{id}")).Read<JsonElement>();
        Assert.Equal("Nhiệm vụ thường xuyên, theo dõi cả năm", detail.GetProperty("task").GetProperty("noDeadlineReason").GetString());
        var page = WebUtility.HtmlDecode(await (await w.As("soyt.daumoi")).GetStringAsync($"/assignments/{id}"));
        Assert.Contains("Lý do không có thời hạn", page);
        Assert.Contains("Nhiệm vụ thường xuyên, theo dõi cả năm", page);

        // The form: left empty next to an empty deadline, the message stands beside the field.
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync("vp.cv2");
        var res = await browser.PostFormAsync("/documents/new", new Dictionary<string, string>
        {
            ["Kind"] = "CongVan", ["NumberAndSymbol"] = $"{tag}b/UBND-KT", ["Summary"] = "Theo dõi", ["IssueDate"] = w.Today.ToString("yyyy-MM-dd"),
            ["DirectingLeaderId"] = (await w.Leader()).ToString(), ["SignerName"] = "Nguyễn Văn Chính",
            ["Tasks[0].Content"] = $"Theo dõi biểu mẫu {tag}", ["Tasks[0].LeadUnitIds"] = (await w.Unit("soyt")).ToString(),
            ["Tasks[0].LeadGroup"] = "None", ["Tasks[0].Nature"] = "ThuongXuyen", ["ConfirmDuplicate"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("phải ghi lý do không có thời hạn", WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_demo_gives_every_no_deadline_task_a_real_reason_and_the_reports_count_them()
    {
        var none = await w.List("vp.cv1", "class=NoDeadline");
        Assert.NotEmpty(none);
        foreach (var a in none.Take(5))
        {
            var detail = await (await (await w.As("vp.cv1")).GetAsync($"/api/assignments/{a.Id}")).Read<JsonElement>();
            var reason = detail.GetProperty("task").GetProperty("noDeadlineReason").GetString();
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        // A no-deadline task without a reason is "incomplete information", left out of the figures: with the demo's
        // reasons recorded, the no-deadline figure is there.
        var from = w.Today.AddMonths(-6);
        var stats = await (await (await w.As("vp.cv1")).GetAsync($"/api/reports/statistics?from={from:yyyy-MM-dd}&to={w.Today:yyyy-MM-dd}&groupBy=Unit"))
            .Read<JsonElement>();
        Assert.True(stats.GetProperty("total").GetProperty("noDeadline").GetInt32() > 0);
    }
}

public sealed class NoDeadlineReasonTests_Sqlite(SqliteApp app) : NoDeadlineReasonTests<SqliteApp>(app);
public sealed class NoDeadlineReasonTests_Postgres(PostgresApp app) : NoDeadlineReasonTests<PostgresApp>(app);
