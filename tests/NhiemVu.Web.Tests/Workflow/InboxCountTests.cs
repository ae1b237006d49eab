using System.Net;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>
/// The inbox counts are bounded like the lists (<c>Workflow:SearchCountLimit</c>, lowered to 4 here): each count is
/// exact up to the bound; above it the count is the bound + 1 and its <c>…IsLowerBound</c> is true, and the home page
/// shows "Hơn 4" on that badge instead of a number.
/// </summary>
public abstract class InboxCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SearchBoundApp
{
    private readonly WorkflowDriver w = new(app);
    private const int Bound = SearchBoundApp.Bound;

    private static readonly (string Flag, string Prop)[] Badges =
        [("NotReceived", "notReceived"), ("Overdue", "overdue"), ("DueSoon", "dueSoon"), ("Returned", "returned"), ("Stale", "stale")];

    private async Task<JsonElement> Inbox(string user) => await Inbox(await w.As(user));

    private static async Task<JsonElement> Inbox(HttpClient c) => await (await c.GetAsync("/api/assignments/inbox")).Read<JsonElement>();

    private async Task<int> Exact(string user, string flag) => await Exact(await w.As(user), flag);

    /// <summary>The flag list's exact size (a page of 200 counts up to 201: exact for these units).</summary>
    private static async Task<int> Exact(HttpClient c, string flag)
    {
        var list = await (await c.GetAsync($"/api/assignments?mine=true&flag={flag}&pageSize=200")).Read<Paged<AssignmentRowDto>>();
        Assert.False(list.TotalIsLowerBound);
        Assert.Equal(list.Total, list.Items.Count);
        return list.Total;
    }

    /// <summary>The unit's open assignments (assigned, received, in progress), from its lists.</summary>
    public static async Task<int> OpenCount(HttpClient c)
    {
        var n = 0;
        foreach (var state in new[] { "Assigned", "Received", "InProgress" })
            n += (await (await c.GetAsync($"/api/assignments?mine=true&state={state}&pageSize=200")).Read<Paged<AssignmentRowDto>>()).Total;
        return n;
    }

    /// <summary>Every badge of each user against its flag list: exact up to the bound, the bound + 1 and flagged above it.</summary>
    /// (Fresh clients: a test that moves the clock on outlives the tokens of the driver's clients.)
    public static async Task BadgesAgreeWithTheLists(AppFixture app, string[] users, List<string> bounded, List<string> exact)
    {
        foreach (var user in users)
        {
            var c = await app.ClientFor(user);
            var inbox = await Inbox(c);
            foreach (var (flag, prop) in Badges)
            {
                var n = await Exact(c, flag);
                var lowerBound = inbox.GetProperty(prop + "IsLowerBound").GetBoolean();
                if (n > Bound)
                {
                    Assert.True(lowerBound, $"{user} {flag}: {n} > {Bound}");
                    Assert.Equal(Bound + 1, inbox.GetProperty(prop).GetInt32());
                    bounded.Add($"{user} {flag}");
                }
                else
                {
                    Assert.False(lowerBound, $"{user} {flag}: {n} ≤ {Bound}");
                    Assert.Equal(n, inbox.GetProperty(prop).GetInt32());
                    exact.Add($"{user} {flag}");
                }
            }
        }
    }

    [Fact]
    public async Task A_badge_at_the_bound_is_exact_one_more_is_a_lower_bound_and_the_home_page_says_more_than()
    {
        const string user = "thanhtra.daumoi";
        // The unit receives what the demo left unreceived: its "not received" badge starts at 0.
        foreach (var row in await w.List(user, "mine=true&flag=NotReceived"))
            Assert.Equal(HttpStatusCode.OK, (await w.Post(user, row.Id, "receive", new { concurrencyStamp = row.ConcurrencyStamp })).StatusCode);
        Assert.Equal(0, (await Inbox(user)).GetProperty("notReceived").GetInt32());
        // Fewer open assignments than one pass reads, even with the ones added below: the one-pass counts, cut at the bound.
        Assert.True(await OpenCount(await w.As(user)) + Bound + 2 < 5 * (Bound + 1));

        for (var i = 1; i <= Bound; i++) await w.EnterDocument($"Hộp việc có giới hạn đếm {i}", ["thanhtra"], deadline: w.Today.AddDays(60));
        var atBound = await Inbox(user);
        Assert.Equal(Bound, atBound.GetProperty("notReceived").GetInt32());
        Assert.False(atBound.GetProperty("notReceivedIsLowerBound").GetBoolean());
        Assert.Equal(Bound, await Exact(user, "NotReceived"));

        var last = (await w.EnterDocument("Hộp việc có giới hạn đếm vượt", ["thanhtra"], deadline: w.Today.AddDays(60))).Tasks[0].Assignments[0];
        var above = await Inbox(user);
        Assert.Equal(Bound + 1, above.GetProperty("notReceived").GetInt32());
        Assert.True(above.GetProperty("notReceivedIsLowerBound").GetBoolean());

        // The home page: "Hơn 4" on that badge, not a number; an exact badge keeps its number.
        var browser = new CookieBrowser(app.Factory);
        await browser.LoginAsync(user);
        var html = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/"));
        Assert.Contains($"<strong>Hơn {Bound}</strong><span>Chưa tiếp nhận</span>", html);
        Assert.DoesNotContain($"<strong>{Bound + 1}</strong><span>Chưa tiếp nhận</span>", html);
        var returned = above.GetProperty("returned").GetInt32();
        Assert.False(above.GetProperty("returnedIsLowerBound").GetBoolean());
        Assert.Contains($"<strong>{returned}</strong><span>Bị trả lại</span>", html);

        // Two above the bound: still the bound + 1 (the count stops there).
        var extra = (await w.EnterDocument("Hộp việc có giới hạn đếm vượt thêm", ["thanhtra"], deadline: w.Today.AddDays(60))).Tasks[0].Assignments[0];
        Assert.Equal(Bound + 2, await Exact(user, "NotReceived"));
        var twoAbove = await Inbox(user);
        Assert.Equal(Bound + 1, twoAbove.GetProperty("notReceived").GetInt32());
        Assert.True(twoAbove.GetProperty("notReceivedIsLowerBound").GetBoolean());

        // Two received: exact again.
        Assert.Equal(HttpStatusCode.OK, (await w.Post(user, last.Id, "receive", new { concurrencyStamp = last.ConcurrencyStamp })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Post(user, extra.Id, "receive", new { concurrencyStamp = extra.ConcurrencyStamp })).StatusCode);
        var back = await Inbox(user);
        Assert.Equal(Bound, back.GetProperty("notReceived").GetInt32());
        Assert.False(back.GetProperty("notReceivedIsLowerBound").GetBoolean());
        html = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/"));
        Assert.Contains($"<strong>{Bound}</strong><span>Chưa tiếp nhận</span>", html);
    }
}

/// <summary>
/// Every badge above and under the bound, the time-dependent ones (overdue, stale) after moving the clock on: a class
/// (and database) of its own, since the clock outlives the other tests' sign-ins.
/// </summary>
public abstract class InboxCountBoundTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SearchBoundApp
{
    private readonly WorkflowDriver w = new(app);
    private const int Bound = SearchBoundApp.Bound;

    [Fact]
    public async Task Each_inbox_count_is_exact_up_to_the_bound_and_the_bound_plus_one_flagged_above_it()
    {
        // 5 × (bound + 1) new assignments of sokhcn due tomorrow: not received and due soon above the bound, and more open
        // assignments than one pass reads (5 × (bound + 1)): its counts are the five bounded ones (the other units' one pass).
        for (var i = 0; i < 5 * (Bound + 1); i++) await w.EnterDocument($"Hộp việc nhiều nhiệm vụ {i}", ["sokhcn"], deadline: w.Today.AddDays(1));
        Assert.True(await InboxCountTests<TApp>.OpenCount(await w.As("sokhcn.daumoi")) >= 5 * (Bound + 1));
        string[] users = ["sokhcn.daumoi", "sotc.daumoi", "soyt.daumoi", "xsadec.daumoi"];
        List<string> bounded = [], exact = [];
        await InboxCountTests<TApp>.BadgesAgreeWithTheLists(app, users, bounded, exact);
        Assert.Contains("sokhcn.daumoi NotReceived", bounded);
        Assert.Contains("sokhcn.daumoi DueSoon", bounded);
        Assert.Contains("sokhcn.daumoi Returned", exact);

        // Eight days later they are overdue and without progress for more than 7 days: those badges too.
        app.Clock.Advance(TimeSpan.FromDays(8));
        bounded.Clear();
        exact.Clear();
        await InboxCountTests<TApp>.BadgesAgreeWithTheLists(app, users, bounded, exact);
        Assert.Contains("sokhcn.daumoi Overdue", bounded);
        Assert.Contains("sokhcn.daumoi Stale", bounded);
        Assert.NotEmpty(exact);
    }
}

public sealed class InboxCountBoundTests_Sqlite(SearchBoundSqliteApp app) : InboxCountBoundTests<SearchBoundSqliteApp>(app);
public sealed class InboxCountBoundTests_Postgres(SearchBoundPostgresApp app) : InboxCountBoundTests<SearchBoundPostgresApp>(app);

public sealed class InboxCountTests_Sqlite(SearchBoundSqliteApp app) : InboxCountTests<SearchBoundSqliteApp>(app);
public sealed class InboxCountTests_Postgres(SearchBoundPostgresApp app) : InboxCountTests<SearchBoundPostgresApp>(app);
