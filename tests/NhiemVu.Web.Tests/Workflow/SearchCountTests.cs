using System.Net;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>A search's count bound lowered from 1,000 to 4, so a handful of assignments crosses it.</summary>
public abstract class SearchBoundApp(DbProvider p) : AppFixture(p)
{
    public const int Bound = 4;

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Workflow:SearchCountLimit"] = Bound.ToString() };
}
public sealed class SearchBoundSqliteApp() : SearchBoundApp(DbProvider.Sqlite);
public sealed class SearchBoundPostgresApp() : SearchBoundApp(DbProvider.Postgres);

/// <summary>
/// Text search counts at most <c>Workflow:SearchCountLimit</c> matches (or one past the current page):
/// above it the total is a lower bound (<c>totalIsLowerBound</c>, "Hơn N kết quả"), and the pages —
/// served by another query shape above the bound — hold exactly the rows of the full result, in order.
/// </summary>
public abstract class SearchCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SearchBoundApp
{
    private readonly WorkflowDriver w = new(app);

    private Task<Paged<AssignmentRowDto>> List(string user, string query) => w.Page(user, query);

    /// <summary>Two documents with <paramref name="tag"/>: 5 lead units sharing one deadline (a tie on the sort key), 3 with another.</summary>
    private async Task<List<Guid>> EnterMatches(string tag)
    {
        var ids = new List<Guid>();
        var a = await w.EnterDocument($"Kiểm tra {tag} đợt một", ["sotc", "soxd", "soct", "sotp", "sonnmt"], deadline: w.Today.AddDays(30));
        var b = await w.EnterDocument($"Kiểm tra {tag} đợt hai", ["sotc", "soxd", "soct"], deadline: w.Today.AddDays(20));
        ids.AddRange(a.Tasks.SelectMany(t => t.Assignments).Select(x => x.Id));
        ids.AddRange(b.Tasks.SelectMany(t => t.Assignments).Select(x => x.Id));
        Assert.Equal(8, ids.Count);
        return ids;
    }

    [Fact]
    public async Task Search_count_stops_at_the_bound_and_says_the_total_is_a_lower_bound()
    {
        var tag = "demgioihan" + Guid.NewGuid().ToString("N")[..6];
        var ids = await EnterMatches(tag);

        var first = await List("vp.cv1", $"q={tag}&pageSize=2");
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(SearchBoundApp.Bound + 1, first.Total); // counted bound + 1: "more than 4"
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Pages > first.Page);

        // Large enough a page: every match is counted, exactly.
        var all = await List("vp.cv1", $"q={tag}&pageSize=200");
        Assert.False(all.TotalIsLowerBound);
        Assert.Equal(8, all.Total);
        Assert.Equal(ids.Order(), all.Items.Select(r => r.Id).Order());
        // The earlier deadline first; within one task (same deadline and assignment time) a stable order.
        Assert.All(all.Items.Take(3), r => Assert.Equal(w.Today.AddDays(20), r.Deadline));

        // Few matches: an exact count under the bound.
        var few = "demit" + Guid.NewGuid().ToString("N")[..6];
        await w.EnterDocument($"Kiểm tra {few}", ["sotc", "soxd"]);
        var exact = await List("vp.cv1", $"q={few}&pageSize=1");
        Assert.False(exact.TotalIsLowerBound);
        Assert.Equal(2, exact.Total);
        Assert.Equal(2, exact.Pages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=DeadlineDesc")]
    [InlineData("&sort=AssignedNewest")]
    [InlineData("&sort=AssignedOldest")]
    public async Task Pages_above_and_below_the_bound_hold_exactly_the_full_result_in_order(string sort)
    {
        var tag = "phantrang" + Guid.NewGuid().ToString("N")[..6];
        await EnterMatches(tag);
        var all = (await List("vp.cv1", $"q={tag}&pageSize=200{sort}")).Items.Select(r => r.Id).ToList();
        Assert.Equal(8, all.Count);

        // Pages of 2: pages 1–3 count up to the bound (lower bound, the probe plan); page 4 counts one past
        // itself (9 > 8 matches: exact, the set plan). Next links while there is more; none after the last.
        var paged = new List<Guid>();
        var bounds = new List<bool>();
        for (var page = 1; ; page++)
        {
            var p = await List("vp.cv1", $"q={tag}&pageSize=2&page={page}{sort}");
            paged.AddRange(p.Items.Select(r => r.Id));
            bounds.Add(p.TotalIsLowerBound);
            if (p.Page >= p.Pages) break;
            Assert.True(page < 10, "paging did not end");
        }
        Assert.Equal(all, paged);
        Assert.Equal([true, true, true, false], bounds);
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_and_cooperating_matches_whatever_the_plan()
    {
        var tag = "donvi" + Guid.NewGuid().ToString("N")[..6];
        await EnterMatches(tag); // sotc leads 2 of these 8
        var coop = await w.EnterDocument($"Phối hợp {tag}", ["soyt"], ["sotc"]);
        await w.EnterDocument($"Riêng {tag} một", ["sotc"], deadline: w.Today.AddDays(5));
        await w.EnterDocument($"Riêng {tag} hai", ["sotc", "sogddt"], deadline: w.Today.AddDays(5));
        // sotc: 4 led + 1 cooperating = 5 (> bound 4); every page of 200 counts them exactly.
        var mine = await List("sotc.daumoi", $"q={tag}&pageSize=200");
        Assert.False(mine.TotalIsLowerBound);
        Assert.Equal(5, mine.Total);
        Assert.Contains(mine.Items, r => r.Id == coop.Tasks[0].Assignments[0].Id);
        var sotc = await w.Unit("sotc");
        Assert.All(mine.Items.Where(r => r.Id != coop.Tasks[0].Assignments[0].Id), r => Assert.Equal(sotc, r.LeadUnitId));
        // One at a time: pages 1–4 stop counting at the bound (probe plan), page 5 counts all (set plan): the same rows.
        var oneByOne = new List<Guid>();
        var bounds = new List<bool>();
        for (var page = 1; page <= 5; page++)
        {
            var p = await List("sotc.daumoi", $"q={tag}&pageSize=1&page={page}");
            oneByOne.AddRange(p.Items.Select(r => r.Id));
            bounds.Add(p.TotalIsLowerBound);
        }
        Assert.Equal(mine.Items.Select(r => r.Id), oneByOne);
        Assert.Equal([true, true, true, true, false], bounds);
        Assert.Empty((await List("sotc.daumoi", $"q={tag}&pageSize=1&page=6")).Items);
        // Mine: only the 4 it leads, counted exactly (4 ≤ bound).
        var led = await List("sotc.daumoi", $"q={tag}&mine=true&pageSize=200");
        Assert.Equal(4, led.Total);
        Assert.All(led.Items, r => Assert.Equal(sotc, r.LeadUnitId));
        Assert.Equal(mine.Items.Select(r => r.Id).Where(id => id != coop.Tasks[0].Assignments[0].Id), led.Items.Select(r => r.Id));
        // The focal officer of a unit with none of them finds nothing.
        Assert.Equal(0, (await List("sokhcn.daumoi", $"q={tag}&pageSize=1")).Total);
    }

    /// <summary>
    /// The search is a substring of the folded text, not a word search: matches inside longer words, or a term that is
    /// only part of a word, are counted and bounded like whole words (any index a count uses must keep that).
    /// </summary>
    [Fact]
    public async Task A_term_inside_longer_words_is_counted_like_a_whole_word()
    {
        var tag = "tuchua" + Guid.NewGuid().ToString("N")[..6];
        await w.EnterDocument($"Kiểm tra {tag}", ["sotc", "soxd"]); // 2 as a whole word
        await w.EnterDocument($"Kiểm tra {tag}x đợt một", ["sotc", "soxd", "soct"]); // 6 inside a longer word
        await w.EnterDocument($"Kiểm tra {tag}y đợt hai", ["sotc", "soxd", "soct"]);

        var bounded = await List("vp.cv1", $"q={tag}&pageSize=2");
        Assert.True(bounded.TotalIsLowerBound);
        Assert.Equal(SearchBoundApp.Bound + 1, bounded.Total);
        Assert.Equal(8, (await List("vp.cv1", $"q={tag}&pageSize=200")).Total);

        var part = tag[1..^1]; // no whole word of any task
        var partBounded = await List("vp.cv1", $"q={part}&pageSize=2");
        Assert.True(partBounded.TotalIsLowerBound);
        Assert.Equal(SearchBoundApp.Bound + 1, partBounded.Total);
        Assert.Equal(8, (await List("vp.cv1", $"q={part}&pageSize=200")).Total);

        // Two words: every text says "kiem tra <tag>…" (the tag whole in 2 of them), none "<tag> tra".
        Assert.Equal(SearchBoundApp.Bound + 1, (await List("vp.cv1", $"q=tra {tag}&pageSize=2")).Total);
        Assert.Equal(8, (await List("vp.cv1", $"q=tra {tag}&pageSize=200")).Total);
        Assert.Equal(0, (await List("vp.cv1", $"q={tag} tra&pageSize=200")).Total);
    }

    [Fact]
    public async Task The_list_page_says_more_than_the_bound_and_keeps_the_next_link()
    {
        var tag = "trangds" + Guid.NewGuid().ToString("N")[..6];
        await EnterMatches(tag);
        var many = WebUtility.HtmlDecode(await (await w.As("vp.cv1")).GetStringAsync($"/assignments?Q={tag}&PageSize=2"));
        Assert.Contains($"Hơn {SearchBoundApp.Bound} kết quả", many);
        Assert.Contains("rel=\"next\"", many);
        Assert.DoesNotContain("Tổng:", many);

        var few = "trangit" + Guid.NewGuid().ToString("N")[..6];
        await w.EnterDocument($"Kiểm tra {few}", ["sotc"]);
        var one = WebUtility.HtmlDecode(await (await w.As("vp.cv1")).GetStringAsync($"/assignments?Q={few}"));
        Assert.Contains("Tổng: 1", one);
        Assert.DoesNotContain("kết quả", one);
    }
}

public sealed class SearchCountTests_Sqlite(SearchBoundSqliteApp app) : SearchCountTests<SearchBoundSqliteApp>(app);
public sealed class SearchCountTests_Postgres(SearchBoundPostgresApp app) : SearchCountTests<SearchBoundPostgresApp>(app);
