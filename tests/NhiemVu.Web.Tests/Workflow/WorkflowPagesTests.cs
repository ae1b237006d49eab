using System.Net;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>The server-rendered pages answer with what each user needs first.</summary>
public abstract class WorkflowPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    private async Task<string> Page(string user, string url) =>
        WebUtility.HtmlDecode(await (await w.As(user)).GetStringAsync(url));

    [Fact]
    public async Task Home_is_the_inbox_for_units_and_the_work_queue_for_the_office()
    {
        var doc = await w.EnterDocument("Trang chủ hiển thị hộp việc", ["sotp"], deadline: w.Today.AddDays(2));
        var id = doc.Tasks[0].Assignments[0].Id;
        var unitHome = await Page("sotp.daumoi", "/");
        Assert.Contains("Chưa tiếp nhận", unitHome);
        Assert.Contains("Triển khai thực hiện", unitHome);
        Assert.Contains($"/assignments/{id}", unitHome);
        await (await w.Act("sotp.daumoi", id, "reports", s => w.ReportToday(s, "page-1"))).Read<System.Text.Json.JsonElement>();
        var officeHome = await Page("vp.cv1", "/");
        Assert.Contains("Báo cáo chờ xác nhận", officeHome);
        Assert.Contains($"/assignments/{id}", officeHome);
    }

    [Fact]
    public async Task Assignment_page_shows_only_the_allowed_action_forms()
    {
        var id = (await w.EnterDocument("Trang nhiệm vụ", ["soct"], ["sotc"])).Tasks[0].Assignments[0].Id;
        var unit = await Page("soct.daumoi", $"/assignments/{id}");
        Assert.Contains("value=\"Receive\"", unit);
        Assert.DoesNotContain("value=\"Review\"", unit);
        var coop = await Page("sotc.daumoi", $"/assignments/{id}");
        Assert.Contains("value=\"Contribute\"", coop);
        Assert.DoesNotContain("value=\"Report\"", coop);
        var office = await Page("vp.cv1", $"/assignments/{id}");
        Assert.Contains("value=\"Urge\"", office);
        Assert.DoesNotContain("value=\"Receive\"", office);
        var other = await (await w.As("xlapvo.daumoi")).GetAsync($"/assignments/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task List_and_document_entry_pages_render()
    {
        await w.EnterDocument("Trang danh sách giao thông", ["soxd"]);
        var list = await Page("vp.cv1", "/assignments?Q=giao%20thong&Page=1");
        Assert.Contains("Trang danh sách giao thông", list);
        var form = await (await w.As("vp.cv1")).GetAsync("/documents/new");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var denied = await (await w.As("soxd.daumoi")).GetAsync("/documents/new");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}

public sealed class WorkflowPagesTests_Sqlite(SqliteApp app) : WorkflowPagesTests<SqliteApp>(app);
public sealed class WorkflowPagesTests_Postgres(PostgresApp app) : WorkflowPagesTests<PostgresApp>(app);
