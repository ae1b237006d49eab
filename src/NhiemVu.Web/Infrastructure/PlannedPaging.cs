using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace NhiemVu.Web.Infrastructure;

/// <summary>
/// A list's page and bounded count with their common sizes written into the SQL as constants.
/// PostgreSQL runs the app's statements prepared (auto-prepare) and, after five executions, keeps a
/// generic plan only if its estimated cost is close to that of the custom ones. A <c>LIMIT</c> or
/// <c>OFFSET</c> parameter is estimated as a tenth of the rows, so a page statement's generic plan
/// always looked many times dearer than its custom plan, and PostgreSQL planned it again on every
/// execution: 0.5–0.9 ms of planning for about as much execution (the busiest unit's "Mine" list,
/// measured with <c>pg_stat_statements</c> at L). With the constants the generic plan is costed for
/// the page it really reads, and PostgreSQL keeps it wherever it is not dearer than the custom ones
/// (measured: the search's count and page now cost less). The busiest unit's "Mine" page is still
/// planned each time: its custom estimate stays below a generic plan costed for an average unit.
/// Only common shapes are inlined (page sizes a client
/// uses, the first pages, the default count bound) so the number of distinct statements, each a
/// query compilation in EF and a prepared statement per connection, stays small; any other value
/// stays a parameter, as before. SQLite plans every statement itself either way.
/// </summary>
public static class PlannedPaging
{
    private static readonly int[] CommonSizes = [10, 20, 25, 50, 100, 200];
    private const int InlinedPages = 10;

    /// <summary><c>Skip(skip).Take(take)</c>, inlined as constants when the shape is common.</summary>
    public static IQueryable<T> PageOf<T>(this IQueryable<T> query, int skip, int take)
    {
        if (Array.IndexOf(CommonSizes, take) < 0 || skip % take != 0 || skip / take >= InlinedPages)
            return query.Skip(skip).Take(take);
        var limited = skip == 0 ? query : Inlined(query, nameof(Queryable.Skip), skip);
        return Inlined(limited, nameof(Queryable.Take), take);
    }

    /// <summary><c>Take(cap)</c> for a bounded count, inlined when it is the lists' default bound.</summary>
    public static IQueryable<T> UpTo<T>(this IQueryable<T> query, int cap, int defaultCap) =>
        cap == defaultCap ? Inlined(query, nameof(Queryable.Take), cap) : query.Take(cap);

    private static readonly MethodInfo SkipMethod = QueryableByCount(nameof(Queryable.Skip));
    private static readonly MethodInfo TakeMethod = QueryableByCount(nameof(Queryable.Take));

    private static MethodInfo QueryableByCount(string name) => typeof(Queryable).GetMethods()
        .Single(m => m.Name == name && m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(int));

    private static readonly MethodInfo ConstantMethod =
        typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <summary>
    /// <c>query.Skip(EF.Constant(n))</c> or <c>.Take(…)</c>: <see cref="EF.Constant{T}"/> works only inside the
    /// expression tree, and Skip/Take take a value, so the call is built as an expression.
    /// </summary>
    private static IQueryable<T> Inlined<T>(IQueryable<T> query, string method, int n)
    {
        var queryable = (method == nameof(Queryable.Skip) ? SkipMethod : TakeMethod).MakeGenericMethod(typeof(T));
        var call = Expression.Call(queryable, query.Expression, Expression.Call(ConstantMethod, Expression.Constant(n)));
        return query.Provider.CreateQuery<T>(call);
    }
}
