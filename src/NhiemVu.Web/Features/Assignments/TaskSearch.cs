using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>
/// Which tasks' folded search text (<see cref="WorkflowColumns.SearchText"/>) contains a folded
/// term: the semantics of <c>LIKE '%term%'</c>, served by an index on both databases.
/// PostgreSQL: a <c>pg_trgm</c> GIN index on the column answers the LIKE itself. SQLite: an FTS5
/// table with the trigram tokenizer (<c>directive_tasks_fts</c>, kept by triggers) answers the same
/// LIKE (the trigram index narrows the rows, the LIKE is still checked on each). A term with a LIKE
/// wildcard character in it (% _ \) goes to a plain escaped LIKE on the table instead, as before.
/// </summary>
public static class TaskSearch
{
    public const string SqliteFtsTable = "directive_tasks_fts";

    /// <summary>Ids of the matching tasks, as a subquery to compose.</summary>
    public static IQueryable<Guid> Matching(AppDbContext db, string folded)
    {
        var wild = folded.IndexOfAny(['%', '_', '\\']) >= 0;
        if (db.Database.IsSqlite() && !wild)
        {
            var pattern = "%" + folded + "%";
            return db.Database.SqlQuery<Guid>(
                $"SELECT \"TaskId\" AS \"Value\" FROM \"directive_tasks_fts\" WHERE \"SearchText\" LIKE {pattern}");
        }
        var escaped = Escaped(folded);
        return db.Tasks.Where(t => EF.Functions.Like(EF.Property<string>(t, WorkflowColumns.SearchText), escaped, "\\")).Select(t => t.Id);
    }

    /// <summary>
    /// The <paramref name="rows"/> whose task matches, shaped for a <b>bounded count</b>
    /// (<c>.Take(n).CountAsync()</c>): a join that starts from the index of matching tasks and
    /// stops as soon as <c>n</c> assignments are found. SQLite streams the FTS5 rows into the
    /// <c>TaskId</c> index (an <c>IN (…)</c> would first materialize every matching task);
    /// PostgreSQL plans the join itself from its statistics.
    /// </summary>
    public static IQueryable<Assignment> MatchedForCount(AppDbContext db, IQueryable<Assignment> rows, string folded) =>
        from id in Matching(db, folded)
        join a in rows on id equals a.TaskId
        select a;

    /// <summary>
    /// The <paramref name="rows"/> whose task matches, shaped for a page when matches are <b>many</b>:
    /// a correlated probe of each row's task (primary key, then the LIKE), so the database walks the
    /// list's own sort index and stops after the page — the cost follows the page and the share of
    /// matching rows, not the number of matches.
    /// PostgreSQL gets <c>EXISTS</c> (a semi-join it memoizes per task). SQLite gets the task's text as a scalar
    /// subquery: with statistics (<see cref="Infrastructure.SqliteStatistics"/>) SQLite 3.5x turns an <c>EXISTS</c>
    /// into a join behind a Bloom filter built from <b>every</b> task matching the LIKE (40 ms at L, against 2 ms for
    /// the probe); a scalar subquery with a <c>LIMIT</c> is not flattened, so it stays a probe per walked row.
    /// </summary>
    public static IQueryable<Assignment> MatchedByProbe(AppDbContext db, IQueryable<Assignment> rows, string folded)
    {
        var escaped = Escaped(folded);
        if (db.Database.IsSqlite())
            return rows.Where(x => EF.Functions.Like(
                db.Tasks.Where(t => t.Id == x.TaskId).Select(t => EF.Property<string>(t, WorkflowColumns.SearchText)).FirstOrDefault()!,
                escaped, "\\"));
        return rows.Where(x => db.Tasks.Any(t => t.Id == x.TaskId
                                                 && EF.Functions.Like(EF.Property<string>(t, WorkflowColumns.SearchText), escaped, "\\")));
    }

    /// <summary>
    /// The <paramref name="rows"/> whose task matches, shaped for a page when matches are <b>few</b>
    /// (all of them fit under the count bound): the matching tasks from the text index first, then
    /// their assignments.
    /// </summary>
    public static IQueryable<Assignment> MatchedBySet(AppDbContext db, IQueryable<Assignment> rows, string folded)
    {
        var matching = Matching(db, folded);
        return rows.Where(x => matching.Contains(x.TaskId));
    }

    private static string Escaped(string folded) =>
        "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
