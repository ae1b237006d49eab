using System.Net;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Admin;

/// <summary>The administrator's paged lists follow the pager's <c>?Page=N</c> (a Razor Pages route value is also named "page").</summary>
public abstract class AdminPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<string> Html(string url)
    {
        var res = await (await app.ClientFor("admin")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/users")]
    public async Task The_pager_link_opens_the_page_it_names(string path)
    {
        var first = await Html(path);
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(first, @"Trang 1 / (\d+)").Groups[1].Value);
        Assert.True(pages >= 2, $"{path}: one page only in the demo data");
        var second = await Html($"{path}?Page=2");
        Assert.Contains($"Trang 2 / {pages}", second);
        Assert.Contains("rel=\"prev\"", second);
    }
}

public sealed class AdminPagingTests_Sqlite(SqliteApp app) : AdminPagingTests<SqliteApp>(app);
public sealed class AdminPagingTests_Postgres(PostgresApp app) : AdminPagingTests<PostgresApp>(app);
