using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Assignments;

/// <summary>What a user may ask to do with an assignment (resource-based authorization).</summary>
public enum AssignmentOperation
{
    View,
    Receive, Progress, Report, WithdrawReport, RequestExtension, Refuse, Explain, RequestAdjustment,
    Contribute,
    Review, DecideExtension, OverrideExtension, DecideRefusal, DecideAdjustment, Urge, Transfer, Cancel,
}

/// <summary>The signed-in person as the workflow rules see them.</summary>
public sealed record UserScope(Guid UserId, Guid UnitId, IReadOnlySet<string> Roles)
{
    public bool IsOffice => Roles.Contains(Domain.Common.Roles.OfficeSpecialist) || Roles.Contains(Domain.Common.Roles.OfficeLeader);
    public bool IsOfficeLeader => Roles.Contains(Domain.Common.Roles.OfficeLeader);
    public bool IsProvincialLeader => Roles.Contains(Domain.Common.Roles.ProvincialLeader);
    public bool IsUnitMember => Roles.Contains(Domain.Common.Roles.FocalOfficer) || Roles.Contains(Domain.Common.Roles.UnitLeader);
    /// <summary>Sees every assignment (office and provincial leaders).</summary>
    public bool SeesAll => IsOffice || IsProvincialLeader;
    public Actor Actor => new(UserId, UnitId);
}

/// <summary>
/// The one place that decides who may do what with which assignment. Handlers call
/// <see cref="Demand"/> (404 for an assignment the user may not see, 403 for an operation they may
/// not perform); pages and the API show <see cref="ActionsNow"/>, the same rules plus the state.
/// </summary>
public static class AssignmentPolicy
{
    public static readonly AssignmentOperation[] UnitOperations =
    [
        AssignmentOperation.Receive, AssignmentOperation.Progress, AssignmentOperation.Report, AssignmentOperation.WithdrawReport,
        AssignmentOperation.RequestExtension, AssignmentOperation.Refuse, AssignmentOperation.Explain, AssignmentOperation.RequestAdjustment,
    ];

    public static readonly AssignmentOperation[] OfficeOperations =
    [
        AssignmentOperation.Review, AssignmentOperation.DecideExtension, AssignmentOperation.DecideRefusal,
        AssignmentOperation.DecideAdjustment, AssignmentOperation.Urge, AssignmentOperation.Transfer, AssignmentOperation.Cancel,
    ];

    public static bool CanView(UserScope u, Guid leadUnitId, IReadOnlyCollection<Guid> cooperatingUnitIds) =>
        u.SeesAll || (u.IsUnitMember && (u.UnitId == leadUnitId || cooperatingUnitIds.Contains(u.UnitId)));

    /// <summary>Role and relation only (not the state).</summary>
    public static bool Allows(UserScope u, Guid leadUnitId, IReadOnlyCollection<Guid> cooperatingUnitIds, AssignmentOperation op)
    {
        if (!CanView(u, leadUnitId, cooperatingUnitIds)) return false;
        if (op == AssignmentOperation.View) return true;
        if (UnitOperations.Contains(op)) return u.IsUnitMember && u.UnitId == leadUnitId;
        if (op == AssignmentOperation.Contribute)
            return u.IsUnitMember && u.UnitId != leadUnitId && cooperatingUnitIds.Contains(u.UnitId);
        if (op == AssignmentOperation.OverrideExtension) return u.IsOfficeLeader;
        return OfficeOperations.Contains(op) && u.IsOffice;
    }

    public static void Demand(UserScope u, Guid leadUnitId, IReadOnlyCollection<Guid> cooperatingUnitIds, AssignmentOperation op)
    {
        if (!CanView(u, leadUnitId, cooperatingUnitIds)) throw new NotFoundException("Không tìm thấy nhiệm vụ.");
        if (!Allows(u, leadUnitId, cooperatingUnitIds, op))
            throw new ForbiddenException("Bạn không có quyền thực hiện thao tác này với nhiệm vụ này.");
    }

    /// <summary>Is the operation legal in the assignment's current state (mirrors the aggregate's checks)?</summary>
    public static bool StateAllows(Assignment a, AssignmentOperation op)
    {
        var open = a.IsOpen;
        var unitCan = open && !a.AwaitingReassignment;
        var awaiting = a.State == AssignmentState.AwaitingReview;
        bool Pending(AssignmentRequestKind k) => a.FindPendingRequest(k) is not null;
        return op switch
        {
            AssignmentOperation.View => true,
            AssignmentOperation.Receive => unitCan && a.State == AssignmentState.Assigned,
            AssignmentOperation.Progress or AssignmentOperation.Report => unitCan && !awaiting,
            AssignmentOperation.WithdrawReport => open && awaiting,
            AssignmentOperation.RequestExtension => unitCan && !awaiting && a.Deadline is not null && !Pending(AssignmentRequestKind.Extension),
            AssignmentOperation.Refuse => unitCan && !awaiting && !Pending(AssignmentRequestKind.Refusal),
            AssignmentOperation.RequestAdjustment => unitCan && !awaiting && !Pending(AssignmentRequestKind.Adjustment),
            AssignmentOperation.Explain => a.State != AssignmentState.Cancelled,
            AssignmentOperation.Contribute => open,
            AssignmentOperation.Review => open && awaiting,
            AssignmentOperation.DecideExtension => open && Pending(AssignmentRequestKind.Extension),
            AssignmentOperation.OverrideExtension => open && a.ApprovedExtensionCount >= 1
                && (Pending(AssignmentRequestKind.Extension) || Pending(AssignmentRequestKind.Adjustment)),
            AssignmentOperation.DecideRefusal => open && Pending(AssignmentRequestKind.Refusal),
            AssignmentOperation.DecideAdjustment => open && Pending(AssignmentRequestKind.Adjustment),
            AssignmentOperation.Urge or AssignmentOperation.Transfer or AssignmentOperation.Cancel => open && !awaiting,
            _ => false,
        };
    }

    /// <summary>The actions the user may take now: allowed for them and legal in the current state.</summary>
    public static IReadOnlyList<AssignmentOperation> ActionsNow(UserScope u, Assignment a, IReadOnlyCollection<Guid> cooperatingUnitIds) =>
        Enum.GetValues<AssignmentOperation>()
            .Where(op => op != AssignmentOperation.View && Allows(u, a.LeadUnitId, cooperatingUnitIds, op) && StateAllows(a, op))
            .ToList();
}

/// <summary>Loads the current user's <see cref="UserScope"/> once per request.</summary>
public sealed class WorkflowUser(IHttpContextAccessor http, AppDbContext db)
{
    private UserScope? _scope;

    public async Task<UserScope> GetAsync()
    {
        if (_scope is not null) return _scope;
        var principal = http.HttpContext?.User ?? throw new ForbiddenException();
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) throw new ForbiddenException();
        // The account state SessionGuard read (cached a few seconds, evicted when the account is
        // changed on this instance) carries the unit: no second read of the account per request.
        var unitId = http.HttpContext?.Items[Infrastructure.Security.SessionGuard.StateItem] is Infrastructure.Security.SessionGuard.AccountState st
                     && st.UnitId != Guid.Empty
            ? st.UnitId
            : await db.Users.Where(u => u.Id == id).Select(u => u.UnitId).FirstOrDefaultAsync();
        var roles = Roles.All.Where(principal.IsInRole).ToHashSet();
        return _scope = new UserScope(id, unitId, roles);
    }

    /// <summary>For background work (demo data): act as a given user.</summary>
    public void Use(UserScope scope) => _scope = scope;
}
