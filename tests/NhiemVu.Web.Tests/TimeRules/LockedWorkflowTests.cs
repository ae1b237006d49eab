using System.Net;
using NhiemVu.Web.Tests.Infrastructure;
using NhiemVu.Web.Tests.Workflow;

namespace NhiemVu.Web.Tests.TimeRules;

/// <summary>The lock window applied to the workflow: units cannot post, the office still works.</summary>
public abstract class LockedWorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task During_a_lock_window_units_cannot_post_but_the_office_can_act()
    {
        var w = new WorkflowDriver(app);
        var doc = await w.EnterDocument("Chuẩn bị số liệu cho hội nghị giao ban", ["sotp"], deadline: w.Today.AddDays(40));
        var id = doc.Tasks[0].Assignments[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await w.Act("sotp.daumoi", id, "receive", s => new { concurrencyStamp = s })).StatusCode);

        var office = await w.As("vp.cv1");
        var day = w.Today.AddDays(2); // the lock (3 days before) is already running
        var meeting = await (await office.PostJson("/api/meetings", new
        {
            title = "Hội nghị giao ban kinh tế – xã hội tháng",
            start = day.ToDateTime(new TimeOnly(8, 0)).ToString("yyyy-MM-ddTHH:mm:ss"),
            end = day.ToDateTime(new TimeOnly(11, 30)).ToString("yyyy-MM-ddTHH:mm:ss"),
        })).Read<MeetingRow>(HttpStatusCode.Created);
        try
        {
            var progress = await w.Act("sotp.daumoi", id, "progress", s => new { text = "Đang tổng hợp", percent = 50, concurrencyStamp = s });
            var p = await progress.Problem((HttpStatusCode)423);
            Assert.Contains("11:30", p.GetProperty("detail").GetString());
            var explain = await w.Act("sotp.daumoi", id, "explanation", s => new { text = "Giải trình", concurrencyStamp = s });
            await explain.Problem((HttpStatusCode)423);
            Assert.Empty((await w.Get("vp.cv1", id)).Timeline.Where(e => e.Kind == "ProgressPosted"));

            var urge = await w.Act("vp.cv1", id, "urge", s => new { message = "Đề nghị hoàn thành trước hội nghị", concurrencyStamp = s });
            Assert.Equal(HttpStatusCode.OK, urge.StatusCode);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/meetings/{meeting.Id}")).StatusCode);
        }
        var after = await w.Act("sotp.daumoi", id, "progress", s => new { text = "Đang tổng hợp", percent = 50, concurrencyStamp = s });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}

public sealed class LockedWorkflowTests_Sqlite(SqliteApp app) : LockedWorkflowTests<SqliteApp>(app);
public sealed class LockedWorkflowTests_Postgres(PostgresApp app) : LockedWorkflowTests<PostgresApp>(app);
