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
    public static Expression<Func<Assignment, bool>> Predicate(DateTimeOffset now, int days)
    {
        var threshold = StaleProgress.Threshold(now, days);
        return a => (a.State == AssignmentState.Assigned || a.State == AssignmentState.Received || a.State == AssignmentState.InProgress)
                    && (a.LastProgressAtUtc ?? a.ReceivedAtUtc ?? a.AssignedAtUtc) < threshold;
    }

    /// <summary>The same filter on rows that carry an assignment (a join).</summary>
    public static Expression<Func<T, bool>> On<T>(Expression<Func<T, Assignment>> assignment, DateTimeOffset now, int days)
    {
        var p = Predicate(now, days);
        var body = ReplacingExpressionVisitor.Replace(p.Parameters[0], assignment.Body, p.Body);
        return Expression.Lambda<Func<T, bool>>(body, assignment.Parameters);
    }
}
