using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;

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
        var escaped = "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return db.Tasks.Where(t => EF.Functions.Like(EF.Property<string>(t, WorkflowColumns.SearchText), escaped, "\\")).Select(t => t.Id);
    }
}
