using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Time;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>
/// <see cref="StaleProgress"/> as a database filter: the one definition the digest, the lists, the
/// inbox counts and the <c>Flag=Stale</c> filter share (setting <c>Notifications:StaleProgressDays</c>).
/// </summary>
public static class StaleProgressQuery
{
    /// <summary>The definition, with the threshold (<see cref="StaleProgress.Threshold"/>) as its second
    /// parameter: a compiled query (the inbox counts) inlines it with the threshold as a query parameter.</summary>
    public static readonly Expression<Func<Assignment, DateTimeOffset, bool>> BeforeThreshold = (a, threshold) =>
        (a.State == AssignmentState.Assigned || a.State == AssignmentState.Received || a.State == AssignmentState.InProgress)
        && (a.LastProgressAtUtc ?? a.ReceivedAtUtc ?? a.AssignedAtUtc) < threshold;

    public static Expression<Func<Assignment, bool>> Predicate(DateTimeOffset now, int days)
    {
        // The threshold as a member of a captured object, as a closure would be: EF sends it as a parameter
        // (one cached query and one prepared statement, whatever the moment), not as a literal.
        var threshold = Expression.Field(Expression.Constant(new Box(StaleProgress.Threshold(now, days))), nameof(Box.Value));
        var body = ReplacingExpressionVisitor.Replace(BeforeThreshold.Parameters[1], threshold, BeforeThreshold.Body);
        return Expression.Lambda<Func<Assignment, bool>>(body, BeforeThreshold.Parameters[0]);
    }

    private sealed class Box(DateTimeOffset value)
    {
        public readonly DateTimeOffset Value = value;
    }

    /// <summary>The same filter on rows that carry an assignment (a join).</summary>
    public static Expression<Func<T, bool>> On<T>(Expression<Func<T, Assignment>> assignment, DateTimeOffset now, int days)
    {
        var p = Predicate(now, days);
        var body = ReplacingExpressionVisitor.Replace(p.Parameters[0], assignment.Body, p.Body);
        return Expression.Lambda<Func<T, bool>>(body, assignment.Parameters);
    }
}
