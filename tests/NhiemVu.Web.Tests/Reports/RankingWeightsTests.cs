using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>The emulation ranking's weights per year, set by the administrator (seed 002 art. 8.2).</summary>
public abstract class RankingWeightsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private int ThisYear => app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;

    private static object Weights(decimal onTime = 0, decimal completion = 0, decimal timely = 0, decimal overdue = 0, decimal late = 0,
        decimal missing = 0, decimal extension = 0, Guid? stamp = null) => new
    {
        onTimeRate = onTime, completionRate = completion, timelyRate = timely, perOverdue = overdue, perCompletedLate = late,
        perMissingExplanation = missing, perApprovedExtension = extension, concurrencyStamp = stamp,
    };

    private async Task<JsonElement> Get(int year, string user = "admin") =>
        await (await (await app.ClientFor(user)).GetAsync($"/api/reports/ranking-weights/{year}")).Read<JsonElement>();

    private async Task<JsonElement> Put(int year, object body) =>
        await (await (await app.ClientFor("admin")).PutJson($"/api/reports/ranking-weights/{year}", body)).Read<JsonElement>();

    private async Task<List<JsonElement>> Ranking(int year) =>
        (await (await (await app.ClientFor("vp.lanhdao")).GetAsync($"/api/reports/ranking?year={year}")).Read<JsonElement>()).EnumerateArray().ToList();

    /// <summary>The score from the counts alone, by the rule the admin page explains (rates in %, penalties per assignment).</summary>
    private static decimal Expected(JsonElement entry, decimal onTime, decimal completion, decimal timely, decimal overdue, decimal late, decimal missing, decimal extension)
    {
        var s = entry.GetProperty("statistics");
        int N(string p) => s.GetProperty(p).GetInt32();
        int early = N("completedEarly"), ontime = N("completedOnTime"), lateN = N("completedLate"), within = N("inProgressWithinDeadline"), over = N("inProgressOverdue");
        decimal Pct(int num, int den) => den == 0 ? 0 : 100m * num / den;
        var score = onTime * Pct(early + ontime, early + ontime + lateN) + completion * Pct(early + ontime + lateN, early + ontime + lateN + within + over)
            + timely * Pct(early + ontime, early + ontime + lateN + within + over)
            - overdue * over - late * lateN - missing * N("missingExplanation") - extension * N("approvedExtensions");
        return Math.Round(score, 2, MidpointRounding.AwayFromZero);
    }

    [Fact]
    public async Task Admin_changes_weights_and_the_ranking_order_follows_them()
    {
        var y = ThisYear;
        var before = await Get(y);
        Guid? stamp = before.GetProperty("source").GetString() == "Stored" ? before.GetProperty("concurrencyStamp").GetGuid() : null;
        if (stamp is null) Assert.Equal(JsonValueKind.Null, before.GetProperty("concurrencyStamp").ValueKind);

        // Only overdue work counts: the unit with the most overdue assignments comes last.
        var first = await Put(y, Weights(overdue: 1, stamp: stamp));
        Assert.Equal("Stored", first.GetProperty("source").GetString());
        var byOverdue = await Ranking(y);
        Assert.True(byOverdue.Count > 5, "the demo year should rank several units");
        foreach (var e in byOverdue) Assert.Equal(Expected(e, 0, 0, 0, 1, 0, 0, 0), e.GetProperty("score").GetDecimal());
        var scores = byOverdue.Select(e => e.GetProperty("score").GetDecimal()).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);

        // Only the on-time rate counts.
        await Put(y, Weights(onTime: 2, stamp: first.GetProperty("concurrencyStamp").GetGuid()));
        var byOnTime = await Ranking(y);
        foreach (var e in byOnTime) Assert.Equal(Expected(e, 2, 0, 0, 0, 0, 0, 0), e.GetProperty("score").GetDecimal());
        scores = byOnTime.Select(e => e.GetProperty("score").GetDecimal()).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);
        Assert.NotEqual(byOverdue.Select(e => e.GetProperty("unitId").GetGuid()), byOnTime.Select(e => e.GetProperty("unitId").GetGuid()));

        // The ranking page says which weights it used.
        var page = await (await app.ClientFor("vp.lanhdao")).GetAsync($"/reports/ranking?year={y}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"Trọng số đã đặt cho năm {y}", html);

        // Audited automatically.
        var audited = await app.InScope(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.EntityType == "RankingWeightsRow" && a.EntityId == y.ToString()));
        Assert.True(audited >= 2, $"audit entries: {audited}");
    }

    [Fact]
    public async Task A_years_ranking_does_not_change_when_a_later_year_is_edited()
    {
        var y = ThisYear;
        var current = await Get(y);
        var set = await Put(y, Weights(onTime: 0.5m, timely: 0.5m, overdue: 3, missing: 2,
            stamp: current.GetProperty("source").GetString() == "Stored" ? current.GetProperty("concurrencyStamp").GetGuid() : null));
        var ranked = (await Ranking(y)).Select(e => (e.GetProperty("unitId").GetGuid(), e.GetProperty("score").GetDecimal())).ToList();
        Assert.NotEmpty(ranked);

        // The next year without its own weights takes this year's over.
        var next = await Get(y + 1);
        Assert.Equal("Inherited", next.GetProperty("source").GetString());
        Assert.Equal(y, next.GetProperty("fromYear").GetInt32());
        Assert.Equal(3m, next.GetProperty("perOverdue").GetDecimal());

        await Put(y + 1, Weights(completion: 1, late: 5));
        Assert.Equal("Stored", (await Get(y + 1)).GetProperty("source").GetString());
        var again = await Get(y);
        Assert.Equal(set.GetProperty("concurrencyStamp").GetGuid(), again.GetProperty("concurrencyStamp").GetGuid());
        Assert.Equal(3m, again.GetProperty("perOverdue").GetDecimal());
        Assert.Equal(ranked, (await Ranking(y)).Select(e => (e.GetProperty("unitId").GetGuid(), e.GetProperty("score").GetDecimal())).ToList());
    }

    [Fact]
    public async Task Only_the_administrator_sets_weights_and_units_do_not_read_them()
    {
        const int year = 2031;
        foreach (var user in new[] { "vp.lanhdao", "vp.cv1", "chutich", "sotc.daumoi" })
            await (await (await app.ClientFor(user)).PutJson($"/api/reports/ranking-weights/{year}", Weights(onTime: 1))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("sotc.daumoi")).GetAsync($"/api/reports/ranking-weights/{year}")).StatusCode);
        Assert.Equal("Default", (await Get(year, "chutich")).GetProperty("source").GetString());

        // The admin page: the administrator only.
        var office = new CookieBrowser(app.Factory);
        await office.LoginAsync("vp.lanhdao");
        Assert.NotEqual("200", await office.VisitAsync("/admin/ranking-weights"));
        var admin = new CookieBrowser(app.Factory);
        await admin.LoginAsync("admin");
        Assert.Equal("200", await admin.VisitAsync($"/admin/ranking-weights?year={year}"));
    }

    [Fact]
    public async Task Bad_weights_are_refused_with_problem_details_and_nothing_changes()
    {
        const int year = 2032;
        var stored = await Put(year, Weights(onTime: 1, overdue: 2));
        var stamp = stored.GetProperty("concurrencyStamp").GetGuid();
        var admin = await app.ClientFor("admin");
        foreach (var (body, field) in new (object, string)[]
                 {
                     (Weights(onTime: -1, stamp: stamp), "onTimeRate"),
                     (Weights(onTime: 1, overdue: 100.01m, stamp: stamp), "perOverdue"),
                     (Weights(stamp: stamp), "weights"),
                     (Weights(onTime: 1, extension: 0.125m, stamp: stamp), "perApprovedExtension"),
                     (new { onTimeRate = 1, concurrencyStamp = stamp }, "completionRate"),
                 })
        {
            var problem = await (await admin.PutJson($"/api/reports/ranking-weights/{year}", body)).Problem(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }
        await (await admin.GetAsync("/api/reports/ranking-weights/1999")).Problem(HttpStatusCode.BadRequest);
        var after = await Get(year);
        Assert.Equal(stamp, after.GetProperty("concurrencyStamp").GetGuid());
        Assert.Equal(1m, after.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(2m, after.GetProperty("perOverdue").GetDecimal());
        Assert.Equal(0m, after.GetProperty("perApprovedExtension").GetDecimal());
    }

    [Fact]
    public async Task Concurrent_edits_of_the_same_year_get_409_and_the_first_edit_stays()
    {
        const int year = 2033;
        var admin = await app.ClientFor("admin");
        // Two administrators open the year before it has weights; both save.
        await Put(year, Weights(onTime: 1));
        var late = await (await admin.PutJson($"/api/reports/ranking-weights/{year}", Weights(timely: 1))).Problem(HttpStatusCode.Conflict);
        Assert.Equal("ranking_weights.conflict", late.GetProperty("code").GetString());

        // Both read the same stamp; the second save is refused.
        var read = (await Get(year)).GetProperty("concurrencyStamp").GetGuid();
        await Put(year, Weights(onTime: 3, stamp: read));
        await (await admin.PutJson($"/api/reports/ranking-weights/{year}", Weights(onTime: 4, stamp: read))).Problem(HttpStatusCode.Conflict);
        var now = await Get(year);
        Assert.Equal(3m, now.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(0m, now.GetProperty("timelyRate").GetDecimal());
    }

    [Fact]
    public async Task The_admin_page_saves_with_either_decimal_mark_and_shows_errors_beside_the_fields()
    {
        const int year = 2034;
        var admin = new CookieBrowser(app.Factory);
        await admin.LoginAsync("admin");
        var url = $"/admin/ranking-weights?year={year}";
        var html = WebUtility.HtmlDecode(await admin.Client.GetStringAsync(url));
        Assert.Contains($"Năm {year} chưa có trọng số riêng", html);
        Dictionary<string, string> Form(string onTime, string overdue, string? stamp = null) => new()
        {
            ["Values[onTimeRate]"] = onTime, ["Values[completionRate]"] = "0", ["Values[timelyRate]"] = "0.5", ["Values[perOverdue]"] = overdue,
            ["Values[perCompletedLate]"] = "1", ["Values[perMissingExplanation]"] = "3", ["Values[perApprovedExtension]"] = "0", ["ConcurrencyStamp"] = stamp ?? "",
        };
        var saved = await admin.PostFormAsync(url, Form("0,75", "2.5"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var w = await Get(year);
        Assert.Equal(0.75m, w.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(2.5m, w.GetProperty("perOverdue").GetDecimal());

        var bad = await admin.PostFormAsync(url, Form("abc", "2.5", w.GetProperty("concurrencyStamp").GetString()));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Hãy nhập một số từ 0 đến 100", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var stale = await admin.PostFormAsync(url, Form("1", "1", Guid.NewGuid().ToString()));
        Assert.Contains("vừa được người khác thay đổi", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(0.75m, (await Get(year)).GetProperty("onTimeRate").GetDecimal());
    }
}

public sealed class RankingWeightsTests_Sqlite(SqliteApp app) : RankingWeightsTests<SqliteApp>(app);
public sealed class RankingWeightsTests_Postgres(PostgresApp app) : RankingWeightsTests<PostgresApp>(app);
