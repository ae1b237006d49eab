using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>Shared steps of the workflow tests: clients per user (logged in once), unit ids, entering a document.</summary>
public sealed class WorkflowDriver(AppFixture app)
{
    private static readonly ConcurrentDictionary<(AppFixture, string), Lazy<Task<HttpClient>>> Clients = new();
    private static readonly ConcurrentDictionary<AppFixture, Lazy<Task<Dictionary<string, Guid>>>> Units = new();

    public Task<HttpClient> As(string user) =>
        Clients.GetOrAdd((app, user), k => new Lazy<Task<HttpClient>>(() => app.ClientFor(k.Item2))).Value;

    /// <summary>Signs every user in again on their next request (the tokens expire an hour after sign-in, by the fake clock).</summary>
    public void SignInAgain()
    {
        foreach (var key in Clients.Keys.Where(k => k.Item1 == app)) Clients.TryRemove(key, out _);
    }

    /// <summary>Moves the clock forward to the next <paramref name="timeOfDay"/> (local time), everyone signing in again.</summary>
    public void MoveClockToNext(TimeSpan timeOfDay)
    {
        var local = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var target = new DateTimeOffset(local.Date.Add(timeOfDay), TimeSpan.FromHours(7));
        if (target <= local) target = target.AddDays(1);
        app.Clock.SetUtcNow(target);
        SignInAgain();
    }

    public async Task<Guid> Unit(string code) =>
        (await Units.GetOrAdd(app, _ => new Lazy<Task<Dictionary<string, Guid>>>(async () =>
        {
            var admin = await As("admin");
            var units = await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>();
            return units.ToDictionary(u => u.Code, u => u.Id);
        })).Value)[code];

    public async Task<Guid> Leader(string namePart = "Nguyễn Văn Chính")
    {
        var leaders = await (await (await As("vp.cv1")).GetAsync("/api/documents/leaders")).Read<List<PersonDto>>();
        return leaders.First(l => l.FullName.Contains(namePart)).Id;
    }

    public DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>The office enters a document with one task led by <paramref name="leads"/>; returns the view.</summary>
    public async Task<DocumentViewDto> EnterDocument(string summary, string[] leads, string[]? cooperating = null, DateOnly? deadline = null,
        bool noDeadline = false, string? leadGroup = null, DateOnly? issueDate = null, string content = "Triển khai thực hiện",
        bool confirmDuplicate = true)
    {
        var res = await PostDocument(summary, leads, cooperating, deadline, noDeadline, leadGroup, issueDate, content, confirmDuplicate);
        return await res.Read<DocumentViewDto>(HttpStatusCode.Created);
    }

    /// <summary>Posts a one-task document and returns the raw response (many tests reuse the same content: they confirm near duplicates).</summary>
    public async Task<HttpResponseMessage> PostDocument(string summary, string[] leads, string[]? cooperating = null, DateOnly? deadline = null,
        bool noDeadline = false, string? leadGroup = null, DateOnly? issueDate = null, string content = "Triển khai thực hiện",
        bool confirmDuplicate = true)
    {
        var office = await As("vp.cv1");
        var leadIds = new List<Guid>();
        foreach (var l in leads) leadIds.Add(await Unit(l));
        var coopIds = new List<Guid>();
        foreach (var c in cooperating ?? []) coopIds.Add(await Unit(c));
        return await office.PostJson("/api/documents", new
        {
            source = "Document", kind = "CongVan", numberAndSymbol = $"{Random.Shared.Next(1000, 9999)}/UBND-KT", summary,
            issueDate = issueDate ?? Today, directingLeaderId = await Leader(), signerName = "Nguyễn Văn Chính", urgency = "Thuong", secrecy = "Thuong",
            confirmDuplicate,
            tasks = new[]
            {
                new
                {
                    content, leadUnitIds = leadIds, leadGroup = leadGroup ?? "None", cooperatingUnitIds = coopIds,
                    deadline = noDeadline ? (DateOnly?)null : deadline ?? Today.AddDays(30), nature = "TrongTam",
                    noDeadlineReason = noDeadline ? "Nhiệm vụ thường xuyên, theo dõi cả năm" : null,
                },
            },
        });
    }

    public async Task<AssignmentDetailDto> Get(string user, Guid id) =>
        await (await (await As(user)).GetAsync($"/api/assignments/{id}")).Read<AssignmentDetailDto>();

    public async Task<HttpResponseMessage> Post(string user, Guid id, string action, object body) =>
        await (await As(user)).PostJson($"/api/assignments/{id}/{action}", body);

    /// <summary>Posts with the assignment's current stamp (read as the office, who sees everything).</summary>
    public async Task<HttpResponseMessage> Act(string user, Guid id, string action, Func<Guid, object> body)
    {
        var stamp = (await Get("vp.cv1", id)).Row.ConcurrencyStamp;
        return await Post(user, id, action, body(stamp));
    }

    public static object Report(Guid stamp, string key, string name = "Báo cáo kết quả thực hiện") => new
    {
        name, numberAndSymbol = "15/BC-STC", summary = "Kết quả thực hiện nhiệm vụ", documentDate = (DateOnly?)null, signerName = "Giám đốc Sở",
        idempotencyKey = key, concurrencyStamp = stamp,
    };

    public object ReportToday(Guid stamp, string key, string name = "Báo cáo kết quả thực hiện") => new
    {
        name, numberAndSymbol = "15/BC-STC", summary = "Kết quả thực hiện nhiệm vụ", documentDate = Today, signerName = "Giám đốc Sở",
        idempotencyKey = key, concurrencyStamp = stamp,
    };

    public async Task<List<AssignmentRowDto>> List(string user, string query) =>
        (await (await (await As(user)).GetAsync($"/api/assignments?pageSize=200&{query}")).Read<Paged<AssignmentRowDto>>()).Items;

    /// <summary>Two new assignments (lead units sotc and soyt); the first reported, the second cancelled, a second apart
    /// (PostgreSQL keeps microseconds, so two changes within one would read back as simultaneous).</summary>
    public async Task ReportOneCancelOneAsync(string tag)
    {
        var reported = (await EnterDocument($"Khoảng báo cáo {tag} – báo cáo", ["sotc"], deadline: Today.AddDays(4))).Tasks[0].Assignments[0].Id;
        var cancelled = (await EnterDocument($"Khoảng báo cáo {tag} – hủy", ["soyt"], deadline: Today.AddDays(4))).Tasks[0].Assignments[0].Id;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Act("sotc.daumoi", reported, "reports", s => ReportToday(s, $"changes-{tag}"))).Read<JsonElement>();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Act("vp.cv1", cancelled, "cancel", s => new { reason = "Không còn phù hợp", concurrencyStamp = s })).Read<JsonElement>();
    }

    /// <summary>One page of /api/assignments as the API sends it (rows, total, whether it is a lower bound, pages).</summary>
    public async Task<Paged<AssignmentRowDto>> Page(string user, string query) =>
        await (await (await As(user)).GetAsync($"/api/assignments?{query}")).Read<Paged<AssignmentRowDto>>();
}
