using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.LockWindows;
using NhiemVu.Web.Features.Reviews;

namespace NhiemVu.Web.Features.Home;

/// <summary>Home: the inbox for unit users, the work queue for the office, tiles for everyone else.</summary>
public sealed class IndexModel(UserHandlers users, ICurrentActor actor, AppDbContext db, WorkflowUser workflow,
    AssignmentHandlers assignments, WorkQueue queue, LockWindowService locks) : PageModel
{
    public UserDto Me { get; private set; } = null!;
    public int UnitCount { get; private set; }
    public int UserCount { get; private set; }
    public InboxCounts? Counts { get; private set; }
    public IReadOnlyList<AssignmentRow> Inbox { get; private set; } = [];
    public WorkQueueView? Queue { get; private set; }
    public bool IsUnit { get; private set; }
    /// <summary>The lock on the user's unit, for the people who post for a unit.</summary>
    public LockStatus? Lock { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await workflow.GetAsync();
        // The Chairman and Vice-Chairmen land on their dashboard.
        if (scope.IsProvincialLeader) return Redirect("/dashboard");
        Me = await users.GetAsync(actor.UserId!.Value);
        if (scope.IsOffice) Queue = await queue.GetAsync();
        else if (scope.IsUnitMember)
        {
            IsUnit = true;
            Counts = await assignments.InboxCountsAsync();
            var open = await assignments.ListAsync(new AssignmentQuery { Mine = true, PageSize = 100 });
            Inbox = open.Items.Where(r => r.State is not (Domain.Assignments.AssignmentState.Completed or Domain.Assignments.AssignmentState.Cancelled)).ToList();
        }
        UnitCount = await db.Units.CountAsync(u => u.IsActive);
        UserCount = await db.Users.CountAsync(u => !u.IsDisabled);
        if (User.IsInRole(Roles.FocalOfficer) || User.IsInRole(Roles.UnitLeader))
            Lock = await locks.ActiveLockAsync(Me.UnitId);
        return Page();
    }
}
