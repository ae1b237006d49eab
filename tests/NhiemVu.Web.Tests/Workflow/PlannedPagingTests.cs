using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Web.Infrastructure;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

/// <summary>
/// A list's common page shapes and its default count bound are written into the SQL as constants, so
/// PostgreSQL can keep one generic plan of a page statement instead of planning it again on every
/// execution; any other shape stays a parameter. Either way the rows are those of Skip/Take.
/// </summary>
public abstract class PlannedPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Regex LimitConstant = new(@"LIMIT \d", RegexOptions.Compiled);

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(10, 10, true)]
    [InlineData(90, 10, true)]
    [InlineData(100, 10, false)] // the 11th page: a parameter
    [InlineData(0, 7, false)] // an uncommon page size: a parameter
    [InlineData(5, 10, false)] // not on a page boundary: a parameter
    public async Task A_page_holds_the_rows_of_Skip_and_Take_with_common_shapes_written_as_constants(int skip, int take, bool inlined)
    {
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var ordered = db.Units.AsNoTracking().OrderBy(u => u.Code).ThenBy(u => u.Id).Select(u => u.Id);
            Assert.True(await ordered.CountAsync() > 10, "the seeded units fill more than one page");

            var expected = await ordered.Skip(skip).Take(take).ToListAsync();
            var page = ordered.PageOf(skip, take);
            Assert.Equal(expected, await page.ToListAsync());
            Assert.Equal(inlined, LimitConstant.IsMatch(page.ToQueryString()));
            return 0;
        });
    }

    [Fact]
    public async Task A_bounded_count_writes_the_default_bound_as_a_constant_and_any_other_as_a_parameter()
    {
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var units = db.Units.AsNoTracking();
            var all = await units.CountAsync();

            Assert.Equal(Math.Min(all, 3), await units.UpTo(3, defaultCap: 3).CountAsync());
            Assert.Equal(Math.Min(all, 4), await units.UpTo(4, defaultCap: 3).CountAsync());
            Assert.Equal(all, await units.UpTo(all + 5, defaultCap: all + 5).CountAsync());
            Assert.Matches(LimitConstant, units.UpTo(3, defaultCap: 3).Select(u => u.Id).ToQueryString());
            Assert.DoesNotMatch(LimitConstant, units.UpTo(4, defaultCap: 3).Select(u => u.Id).ToQueryString());
            return 0;
        });
    }
}

public sealed class PlannedPagingTests_Sqlite(SqliteApp app) : PlannedPagingTests<SqliteApp>(app);
public sealed class PlannedPagingTests_Postgres(PostgresApp app) : PlannedPagingTests<PostgresApp>(app);
