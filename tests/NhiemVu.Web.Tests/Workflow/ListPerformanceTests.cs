using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>
/// The stored list columns and the caches that make lists fast at national scale: unit names are
/// cached per instance and a rename made on another instance shows within the refresh interval;
/// every stored list column equals what the aggregate (and so its replay) says; the grouped inbox
/// counts equal the lists they summarize.
/// </summary>
public abstract class ListPerformanceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static async Task<JsonElement> Json(HttpClient c, string url)
    {
        var res = await c.GetAsync(url);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"{url}: {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> LeadUnitNameOfFirstMine(HttpClient c) =>
        (await Json(c, "/api/assignments?mine=true&pageSize=1")).GetProperty("items")[0].GetProperty("leadUnitName").GetString()!;

    [Fact]
    public async Task A_unit_renamed_on_another_instance_shows_its_new_name_here_within_the_refresh_interval()
    {
        var focal = await app.ClientFor("sotc.daumoi");
        var before = await LeadUnitNameOfFirstMine(focal); // loads this instance's cache
        var admin = await app.ClientFor("admin");
        var units = await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>();
        var sotc = units.Single(u => u.Code == "sotc");
        Assert.Equal(sotc.Name, before);

        await using var other = app.CreateFactory(app.ConnectionString);
        var otherAdmin = other.CreateClient();
        otherAdmin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenFor("admin"));
        var otherFocal = other.CreateClient();
        otherFocal.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenFor("sotc.daumoi"));
        Assert.Equal(before, await LeadUnitNameOfFirstMine(otherFocal)); // the other instance caches it too

        var newName = "Sở Tài chính (đổi tên " + Guid.NewGuid().ToString("N")[..6] + ")";
        (await otherAdmin.PutJson($"/api/units/{sotc.Id}", new
        {
            code = sotc.Code, name = newName, shortName = sotc.ShortName, kind = sotc.Kind, parentId = sotc.ParentId,
            validFrom = sotc.ValidFrom, concurrencyStamp = sotc.ConcurrencyStamp,
        })).EnsureSuccessStatusCode();

        // The instance that made the change shows it at once...
        Assert.Equal(newName, await LeadUnitNameOfFirstMine(otherFocal));
        // ...this one keeps its cached name until its next check of the version stamp...
        Assert.Equal(before, await LeadUnitNameOfFirstMine(focal));
        // ...and then shows the new one.
        app.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(newName, await LeadUnitNameOfFirstMine(focal));
    }

    [Fact]
    public async Task Stored_list_columns_equal_the_aggregates_and_the_inbox_counts_equal_its_lists()
    {
        // Every demo assignment (a mix of every state, played through the aggregate's transitions).
        var rows = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var all = await db.Assignments.AsNoTracking().Include(a => a.Events).Include(a => a.Reports).AsSplitQuery().ToListAsync();
            var stored = await db.Assignments.AsNoTracking().Select(a => new
            {
                a.Id,
                Submitted = EF.Property<DateOnly?>(a, WorkflowColumns.SubmittedLocalDate),
                Class = EF.Property<ListClass?>(a, WorkflowColumns.ListClass),
                Returned = EF.Property<bool>(a, WorkflowColumns.Returned),
                DueOrder = EF.Property<DateOnly>(a, WorkflowColumns.DueOrder),
                FieldId = EF.Property<Guid?>(a, WorkflowColumns.FieldId),
                LeaderId = EF.Property<Guid>(a, WorkflowColumns.DirectingLeaderId),
            }).ToDictionaryAsync(x => x.Id);
            var tasks = await db.Tasks.AsNoTracking().ToDictionaryAsync(t => t.Id);
            return all.Select(a => (a, stored[a.Id], tasks[a.TaskId])).ToList();
        });
        Assert.True(rows.Count > 50);
        Assert.Contains(rows, r => r.Item2.Returned);
        foreach (var (a, s, t) in rows)
        {
            var expected = AssignmentListColumns.Of(a);
            Assert.Equal(expected.SubmittedLocalDate, s.Submitted);
            Assert.Equal(expected.Class, s.Class);
            Assert.Equal(expected.Returned, s.Returned);
            Assert.Equal(expected.DueOrder, s.DueOrder);
            Assert.Equal(t.FieldId, s.FieldId);
            Assert.Equal(t.DirectingLeaderId, s.LeaderId);
            // ...and what the replay of the events says now.
            var c = Classifier.Classify(a.Events, a.LastEventAtUtc);
            Assert.Equal(AssignmentListColumns.FromClassification(c.Class), s.Class);
        }

        // The inbox's bounded counts count what the flag lists list.
        foreach (var user in new[] { "sotc.daumoi", "soyt.daumoi", "xsadec.daumoi" })
        {
            var c = await app.ClientFor(user);
            var inbox = await Json(c, "/api/assignments/inbox");
            foreach (var (flag, prop) in new[] { ("NotReceived", "notReceived"), ("Overdue", "overdue"), ("DueSoon", "dueSoon"), ("Returned", "returned"), ("Stale", "stale") })
            {
                var list = await Json(c, $"/api/assignments?mine=true&flag={flag}&pageSize=200");
                Assert.Equal(list.GetProperty("total").GetInt32(), inbox.GetProperty(prop).GetInt32());
                // Under the bound (1,000 by default): exact, not a lower bound.
                Assert.False(inbox.GetProperty(prop + "IsLowerBound").GetBoolean());
                Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength());
            }
        }
    }
}

public sealed class ListPerformanceTests_Sqlite(SqliteApp app) : ListPerformanceTests<SqliteApp>(app);
public sealed class ListPerformanceTests_Postgres(PostgresApp app) : ListPerformanceTests<PostgresApp>(app);
