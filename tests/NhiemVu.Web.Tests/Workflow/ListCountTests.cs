using System.Net;
using System.Text.Json;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>
/// Every assignment list — not only a text search — counts at most <c>Workflow:SearchCountLimit</c> rows
/// (lowered to 4 here) or one past the current page, whichever is more: above it the total is a lower
/// bound (<c>totalIsLowerBound</c>, "Hơn N kết quả"); under it the count is exact; and the pages hold
/// exactly the rows of the whole list, in its order, ties on the sort key included.
/// </summary>
public abstract class ListCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SearchBoundApp
{
    private readonly WorkflowDriver w = new(app);
    private const int Bound = SearchBoundApp.Bound;

    private Task<Paged<AssignmentRowDto>> List(string user, string query) => w.Page(user, query);

    /// <summary>
    /// Pages of <paramref name="size"/> up to the last: each page's count is the bound or one past the page
    /// (lower bound) while more rows follow, exact otherwise; their rows, concatenated, equal <paramref name="all"/>.
    /// </summary>
    private async Task PagesEqualTheWholeList(string user, string query, int size, List<Guid> all)
    {
        var paged = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var p = await List(user, $"{query}&pageSize={size}&page={page}");
            paged.AddRange(p.Items.Select(r => r.Id));
            var counted = Math.Max(Bound, page * size) + 1;
            if (all.Count >= counted)
            {
                Assert.True(p.TotalIsLowerBound, $"page {page}: {all.Count} rows, counted up to {counted}");
                Assert.Equal(counted, p.Total);
                Assert.True(p.Pages > page); // the next link is still known
            }
            else
            {
                Assert.False(p.TotalIsLowerBound, $"page {page}: {all.Count} rows, counted up to {counted}");
                Assert.Equal(all.Count, p.Total);
            }
            if (p.Page >= p.Pages) break;
            Assert.True(page < 200, "paging did not end");
        }
        Assert.Equal(all, paged);
    }

    private static string Window(DateOnly day) => $"deadlineFrom={day:yyyy-MM-dd}&deadlineTo={day.AddDays(1):yyyy-MM-dd}";

    [Theory]
    [InlineData("", 400)]
    [InlineData("&sort=DeadlineDesc", 410)]
    [InlineData("&sort=AssignedNewest", 420)]
    [InlineData("&sort=AssignedOldest", 430)]
    public async Task A_filtered_list_counts_up_to_the_bound_and_its_pages_hold_the_whole_list_in_order(string sort, int days)
    {
        // Filtered by a deadline window only these documents fall in: 5 lead units sharing a deadline and an
        // assignment time (a tie on every sort key but the id), then 3 on the next day.
        var day = w.Today.AddDays(days);
        var a = await w.EnterDocument("Danh sách có giới hạn đếm đợt một", ["sotc", "soxd", "soct", "sotp", "sonnmt"], deadline: day.AddDays(1));
        var b = await w.EnterDocument("Danh sách có giới hạn đếm đợt hai", ["sotc", "soxd", "soct"], deadline: day);
        var entered = a.Tasks.Concat(b.Tasks).SelectMany(t => t.Assignments).Select(x => x.Id).ToList();

        var whole = await List("vp.cv1", $"{Window(day)}&pageSize=200{sort}");
        Assert.False(whole.TotalIsLowerBound); // 8 > the bound, but all on one page of 200: counted exactly
        Assert.Equal(8, whole.Total);
        var all = whole.Items.Select(r => r.Id).ToList();
        Assert.Equal(entered.Order(), all.Order());
        if (sort is "" or "&sort=DeadlineDesc")
        {
            var deadlines = whole.Items.Select(r => r.Deadline!.Value).ToList();
            Assert.Equal(sort == "" ? deadlines.Order() : deadlines.OrderDescending(), deadlines);
        }

        // Pages of 2 (pages 1–2 count to the bound + 1: "more than 4"; page 3 one past itself; page 4 exactly)
        // and of 3: the same rows in the same order, neither repeated nor skipped across the tie.
        await PagesEqualTheWholeList("vp.cv1", $"{Window(day)}{sort}", 2, all);
        await PagesEqualTheWholeList("vp.cv1", $"{Window(day)}{sort}", 3, all);

        // Under the bound: an exact count.
        var one = await List("vp.cv1", $"{Window(day)}&unitId={await w.Unit("sonnmt")}&pageSize=1{sort}");
        Assert.False(one.TotalIsLowerBound);
        Assert.Equal(1, one.Total);
        Assert.Equal(1, one.Pages);
    }

    [Fact]
    public async Task Mine_counts_up_to_the_bound_and_its_pages_hold_the_whole_list()
    {
        await w.EnterDocument("Danh sách của đơn vị", ["sotc", "soyt"], deadline: w.Today.AddDays(2)); // at least one more for sotc
        var whole = await List("sotc.daumoi", "mine=true&pageSize=200");
        Assert.False(whole.TotalIsLowerBound);
        Assert.True(whole.Total > Bound, $"sotc leads {whole.Total}");
        var sotc = await w.Unit("sotc");
        Assert.All(whole.Items, r => Assert.Equal(sotc, r.LeadUnitId));
        var all = whole.Items.Select(r => r.Id).ToList();

        var first = await List("sotc.daumoi", "mine=true&pageSize=2");
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(Bound + 1, first.Total);
        Assert.Equal(all.Take(2), first.Items.Select(r => r.Id));
        await PagesEqualTheWholeList("sotc.daumoi", "mine=true", 3, all);
        // A flag list of the inbox: the same bound.
        var overdue = await List("sotc.daumoi", "mine=true&flag=Overdue&pageSize=200");
        await PagesEqualTheWholeList("sotc.daumoi", "mine=true&flag=Overdue", 2, overdue.Items.Select(r => r.Id).ToList());
    }

    [Fact]
    public async Task A_units_whole_list_is_its_own_and_cooperating_rows_counted_and_paged_as_two_parts()
    {
        var day = w.Today.AddDays(500);
        // sotc leads 3 (two of them tied with other units' rows) and cooperates on 2 led by others.
        var led1 = await w.EnterDocument("Đơn vị chủ trì một", ["sotc", "soxd"], deadline: day);
        var led2 = await w.EnterDocument("Đơn vị chủ trì hai", ["sotc"], deadline: day.AddDays(1));
        var led3 = await w.EnterDocument("Đơn vị chủ trì ba", ["sotc", "soct"], deadline: day);
        var coop1 = await w.EnterDocument("Đơn vị phối hợp một", ["soyt"], ["sotc"], deadline: day);
        var coop2 = await w.EnterDocument("Đơn vị phối hợp hai", ["soxd", "soct"], ["sotc"], deadline: day.AddDays(1));
        await w.EnterDocument("Không liên quan", ["sokhcn"], deadline: day);
        var sotc = await w.Unit("sotc");
        var expected = new[] { led1, led2, led3 }.SelectMany(d => d.Tasks).SelectMany(t => t.Assignments).Where(x => x.LeadUnitId == sotc)
            .Concat(new[] { coop1, coop2 }.SelectMany(d => d.Tasks).SelectMany(t => t.Assignments)).Select(x => x.Id).ToList();
        Assert.Equal(6, expected.Count);

        var whole = await List("sotc.daumoi", $"{Window(day)}&pageSize=200");
        Assert.False(whole.TotalIsLowerBound);
        Assert.Equal(6, whole.Total);
        Assert.Equal(expected.Order(), whole.Items.Select(r => r.Id).Order());
        // In the office's order (the office sees every row: the unit's are a subsequence of its list).
        var office = (await List("vp.cv1", $"{Window(day)}&pageSize=200")).Items.Select(r => r.Id).Where(expected.Contains).ToList();
        Assert.Equal(office, whole.Items.Select(r => r.Id));
        await PagesEqualTheWholeList("sotc.daumoi", Window(day), 1, office);
        await PagesEqualTheWholeList("sotc.daumoi", $"{Window(day)}&sort=AssignedNewest", 2,
            (await List("sotc.daumoi", $"{Window(day)}&pageSize=200&sort=AssignedNewest")).Items.Select(r => r.Id).ToList());

        // Without a filter: the unit's whole list, above the bound.
        var unfiltered = await List("sotc.daumoi", "pageSize=200");
        Assert.True(unfiltered.Total > Bound);
        var first = await List("sotc.daumoi", "pageSize=2");
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(Bound + 1, first.Total);
        Assert.Equal(unfiltered.Items.Take(2).Select(r => r.Id), first.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task The_list_page_says_more_than_the_bound_for_a_plain_list_and_the_exact_total_under_it()
    {
        var day = w.Today.AddDays(600);
        await w.EnterDocument("Trang danh sách nhiều", ["sotc", "soxd", "soct", "sotp", "sonnmt", "soyt"], deadline: day);
        var office = await w.As("vp.cv1");
        var many = WebUtility.HtmlDecode(await office.GetStringAsync($"/assignments?DeadlineFrom={day:yyyy-MM-dd}&DeadlineTo={day:yyyy-MM-dd}&PageSize=2"));
        Assert.Contains($"Hơn {Bound} kết quả", many);
        Assert.Contains("rel=\"next\"", many);
        Assert.DoesNotContain("Tổng:", many);
        // The next link keeps the filters.
        var next = System.Text.RegularExpressions.Regex.Match(many, "href=\"([^\"]*)\" rel=\"next\"");
        Assert.True(next.Success);
        Assert.Contains($"DeadlineFrom={day:yyyy-MM-dd}", next.Groups[1].Value);
        Assert.Contains("Page=2", next.Groups[1].Value);
        // ...and leads to page 2 (other rows than page 1's), still "more than" the bound (2 × 2 < 6 rows).
        var second = WebUtility.HtmlDecode(await office.GetStringAsync(next.Groups[1].Value));
        Assert.Contains("Trang 2", second);
        Assert.Contains($"Hơn {Bound} kết quả", second);
        Assert.Contains("rel=\"prev\"", second);

        var few = WebUtility.HtmlDecode(await office.GetStringAsync(
            $"/assignments?DeadlineFrom={day:yyyy-MM-dd}&DeadlineTo={day:yyyy-MM-dd}&UnitId={await w.Unit("soyt")}"));
        Assert.Contains("Tổng: 1", few);
        Assert.DoesNotContain("kết quả", few);
    }
}

public sealed class ListCountTests_Sqlite(SearchBoundSqliteApp app) : ListCountTests<SearchBoundSqliteApp>(app);
public sealed class ListCountTests_Postgres(SearchBoundPostgresApp app) : ListCountTests<SearchBoundPostgresApp>(app);
