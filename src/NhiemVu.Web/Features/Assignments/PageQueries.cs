using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>
/// The assignment page's three statements as EF compiled queries: no expression-tree walk, parameter
/// extraction or query-cache lookup per call (same SQL as the LINQ they replace). A compiled query keeps
/// the executor of the first context it ran with — the provider's SQL generator and the model's entity
/// types — so there is one set per EF model (per database provider and configuration), never one shared
/// static set: in a process with a SQLite and a PostgreSQL context (the tests) a shared set answered
/// SQLite requests with PostgreSQL's executor.
/// </summary>
public sealed class PageQueries
{
    private static readonly ConditionalWeakTable<IModel, PageQueries> PerModel = new();

    public static PageQueries For(AppDbContext db) => PerModel.GetValue(db.Model, _ => new PageQueries());

    private PageQueries() { }

    /// <summary>The aggregate with its (few) events, reports and requests, one statement.</summary>
    public readonly Func<AppDbContext, Guid, Task<Assignment?>> Aggregate = EF.CompileAsyncQuery((AppDbContext db, Guid id) =>
        db.Assignments.AsNoTracking().Include(x => x.Events).Include(x => x.Reports).Include(x => x.Requests)
            .AsSingleQuery().FirstOrDefault(x => x.Id == id));

    /// <summary>The task with its cooperating units, its document and its field's name, one statement.</summary>
    public readonly Func<AppDbContext, Guid, Task<TaskAndDocument>> TaskAndDocument = EF.CompileAsyncQuery((AppDbContext db, Guid taskId) =>
        (from t in db.Tasks.AsNoTracking().Include(t => t.CooperatingUnits)
         where t.Id == taskId
         join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id
         select new TaskAndDocument(t, d, db.Fields.Where(f => f.Id == t.FieldId).Select(f => f.Name).FirstOrDefault()))
        .First());

    /// <summary>The cooperating units' contributions to the assignment.</summary>
    public readonly Func<AppDbContext, Guid, IAsyncEnumerable<AssignmentContribution>> Contributions = EF.CompileAsyncQuery((AppDbContext db, Guid id) =>
        db.AssignmentContributions.AsNoTracking().Where(c => c.AssignmentId == id));
}

public sealed record TaskAndDocument(DirectiveTask Task, DirectiveDocument Doc, string? FieldName);
