using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Metadata;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>
/// The assignment page's three statements and the inbox counts as EF compiled queries: no expression-tree walk, parameter
/// extraction or query-cache lookup per call (same SQL as the LINQ they replace). A compiled query keeps
/// the executor of the first context it ran with — the provider's SQL generator and the model's entity
/// types — so there is one set per EF model (per database provider and configuration), never one shared
/// static set: in a process with a SQLite and a PostgreSQL context (the tests) a shared set answered
/// SQLite requests with PostgreSQL's executor.
/// </summary>
public sealed class CompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, CompiledQueries> PerModel = new();

    public static CompiledQueries For(AppDbContext db) => PerModel.GetValue(db.Model, _ => new CompiledQueries());

    private CompiledQueries() { }

    /// <summary>
    /// Units whose last inbox count found too many open assignments for one pass (<see cref="InboxOpen"/>), until when
    /// (per app instance and EF model): their counts go straight to the bounded statement (<see cref="Inbox"/>). Only
    /// the choice of statement, never the counts, depends on it.
    /// </summary>
    public readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> BigInboxUntil = new();

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

    /// <summary>
    /// A unit's inbox counts in one pass (unit, today, the due-soon limit, the stale-progress threshold, the number of
    /// rows to read at most): the five counts grouped over the unit's first open assignments in the covering inbox index,
    /// with how many were read. Fewer than the limit (a typical unit): those are all its open ones and the counts are
    /// exact, one index range read once. Otherwise the counts are <see cref="Inbox"/>'s. The stale count is <see cref="StaleProgressQuery.BeforeThreshold"/>
    /// inlined (the digest's and the Flag=Stale list's definition).
    /// </summary>
    public readonly Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, Task<InboxOpenTally?>> InboxOpen = EF.CompileAsyncQuery(InboxOpenShape());

    private static Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxOpenTally?>> InboxOpenShape()
    {
        Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxOpenTally?>> shape = (db, unit, today, soon, threshold, cap) =>
            db.Assignments.AsNoTracking()
                .Where(x => x.LeadUnitId == unit
                            && (x.State == AssignmentState.Assigned || x.State == AssignmentState.Received || x.State == AssignmentState.InProgress))
                .Take(cap)
                .GroupBy(x => 1)
                .Select(g => new InboxOpenTally(
                    g.Count(),
                    g.Count(x => x.State == AssignmentState.Assigned && !x.AwaitingReassignment),
                    g.Count(x => x.Deadline < today),
                    g.Count(x => x.Deadline >= today && x.Deadline <= soon),
                    g.Count(x => EF.Property<bool>(x, WorkflowColumns.Returned)),
                    g.Count(x => Stale(x, threshold))))
                .FirstOrDefault();
        return (Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxOpenTally?>>)new StaleInliner().Visit(shape);
    }

    /// <summary>
    /// A unit's inbox counts when it has too many open assignments for one pass (unit, today, the due-soon limit, the
    /// stale-progress threshold, the cap): one statement of
    /// five bounded counts, each <c>(SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap))</c> over an index range of the unit's
    /// open assignments, so a badge reads at most <c>cap</c> index entries whatever the unit's size (a count equal to
    /// the cap is a lower bound: <see cref="InboxCounts"/>). The stale count is <see cref="StaleProgressQuery.BeforeThreshold"/>
    /// inlined (the digest's and the Flag=Stale list's definition). One row: the unit's own (a primary-key read).
    /// </summary>
    public readonly Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, Task<InboxTally?>> Inbox = EF.CompileAsyncQuery(InboxShape());

    private static Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxTally?>> InboxShape()
    {
        // Each count is an index range: not received = (unit, Assigned); overdue and due soon = (unit, open state,
        // deadline range) of the inbox index; returned = the partial index on Returned; stale = the unit's open
        // rows of the inbox index (which carries the three times), stopping at the cap-th stale one.
        Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxTally?>> shape = (db, unit, today, soon, threshold, cap) =>
            db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => new InboxTally(
                db.Assignments.Where(x => x.LeadUnitId == unit && x.State == AssignmentState.Assigned && !x.AwaitingReassignment)
                    .Take(cap).Count(),
                db.Assignments.Where(x => x.LeadUnitId == unit
                                          && (x.State == AssignmentState.Assigned || x.State == AssignmentState.Received || x.State == AssignmentState.InProgress)
                                          && x.Deadline < today)
                    .Take(cap).Count(),
                db.Assignments.Where(x => x.LeadUnitId == unit
                                          && (x.State == AssignmentState.Assigned || x.State == AssignmentState.Received || x.State == AssignmentState.InProgress)
                                          && x.Deadline >= today && x.Deadline <= soon)
                    .Take(cap).Count(),
                db.Assignments.Where(x => x.LeadUnitId == unit
                                          && (x.State == AssignmentState.Assigned || x.State == AssignmentState.Received || x.State == AssignmentState.InProgress)
                                          && EF.Property<bool>(x, WorkflowColumns.Returned))
                    .Take(cap).Count(),
                db.Assignments.Where(x => x.LeadUnitId == unit && Stale(x, threshold)).Take(cap).Count()))
                .FirstOrDefault();
        return (Expression<Func<AppDbContext, Guid, DateOnly, DateOnly, DateTimeOffset, int, InboxTally?>>)new StaleInliner().Visit(shape);
    }

    private static bool Stale(Assignment a, DateTimeOffset threshold) => throw new InvalidOperationException("replaced by StaleProgressQuery.BeforeThreshold");

    /// <summary>Replaces <see cref="Stale"/>(x, t) by the body of <see cref="StaleProgressQuery.BeforeThreshold"/> on (x, t).</summary>
    private sealed class StaleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Stale) || node.Method.DeclaringType != typeof(CompiledQueries)) return base.VisitMethodCall(node);
            var p = StaleProgressQuery.BeforeThreshold.Parameters;
            var body = ReplacingExpressionVisitor.Replace(p[0], node.Arguments[0], StaleProgressQuery.BeforeThreshold.Body);
            return ReplacingExpressionVisitor.Replace(p[1], node.Arguments[1], body);
        }
    }

    /// <summary>The cooperating units' contributions to the assignment.</summary>
    public readonly Func<AppDbContext, Guid, IAsyncEnumerable<AssignmentContribution>> Contributions = EF.CompileAsyncQuery((AppDbContext db, Guid id) =>
        db.AssignmentContributions.AsNoTracking().Where(c => c.AssignmentId == id));
}

/// <summary>The inbox's five counts as read, each at most the cap (see <see cref="InboxCounts.Of"/>).</summary>
public sealed record InboxTally(int NotReceived, int Overdue, int DueSoon, int Returned, int Stale);

/// <summary>The inbox's five counts over the unit's first open assignments, and how many of them were read (<see cref="CompiledQueries.InboxOpen"/>).</summary>
public sealed record InboxOpenTally(int Open, int NotReceived, int Overdue, int DueSoon, int Returned, int Stale);

public sealed record TaskAndDocument(DirectiveTask Task, DirectiveDocument Doc, string? FieldName);
