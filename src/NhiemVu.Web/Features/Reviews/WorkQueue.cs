using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Reviews;

public sealed record QueueItem(Guid AssignmentId, string Kind, string Label, string TaskContent, string DocumentNumber, string UnitName,
    DateTimeOffset SinceUtc, string? Detail, DateOnly? Deadline, DateOnly? ProposedDeadline, int WaitingWorkingDays, bool Late);

public sealed record WorkQueueView(IReadOnlyList<QueueItem> Reports, IReadOnlyList<QueueItem> Requests);

/// <summary>
/// The office's work queue: reports awaiting review (oldest first, with how long they waited
/// against the 15:00 rule: due the same working day, or the next if received after 15:00),
/// and pending extension, adjustment and refusal requests.
/// </summary>
public sealed class WorkQueue(AppDbContext db, TimeProvider clock, IWorkingCalendar calendar, WorkflowUser user, AssignmentHandlers assignments,
    Microsoft.Extensions.Options.IOptions<Timeliness.TimelinessOptions> timeliness)
{
    public async Task<WorkQueueView> GetAsync()
    {
        var me = await user.GetAsync();
        if (!me.IsOffice) throw new ForbiddenException("Chỉ Văn phòng UBND tỉnh có hàng việc xác nhận.");
        var today = ProvinceTime.Today(clock);
        var units = await assignments.UnitNamesAsync();

        var reports = await (from r in db.AssignmentReports.AsNoTracking()
                             where r.Status == AssignmentReportStatus.Pending
                             join a in db.Assignments on r.AssignmentId equals a.Id
                             join t in db.Tasks on a.TaskId equals t.Id
                             join d in db.Documents on t.DocumentId equals d.Id
                             orderby r.SubmittedAtUtc
                             select new { r.AssignmentId, r.Name, r.SubmittedAtUtc, a.LeadUnitId, a.Deadline, t.Content, d.NumberAndSymbol })
            .Take(200).ToListAsync();
        var requests = await (from r in db.AssignmentRequests.AsNoTracking()
                              where r.Status == AssignmentRequestStatus.Pending
                              join a in db.Assignments on r.AssignmentId equals a.Id
                              join t in db.Tasks on a.TaskId equals t.Id
                              join d in db.Documents on t.DocumentId equals d.Id
                              orderby r.RequestedAtUtc
                              select new { r.AssignmentId, r.Kind, r.AdjustmentKind, r.Reason, r.ProposedDeadline, r.RequestedAtUtc, a.LeadUnitId, a.Deadline, t.Content, d.NumberAndSymbol })
            .Take(200).ToListAsync();

        QueueItem Item(Guid id, string kind, string label, string content, string number, Guid unit, DateTimeOffset since, string? detail,
            DateOnly? deadline, DateOnly? proposed)
        {
            var arrived = ProvinceTime.LocalDate(since);
            // Seed 002 art. 6.4: the same working day, the next one after 15:00 (the one rule the timeliness report uses).
            var due = Domain.Timeliness.EntryTimeliness.ReviewDeadline(since, timeliness.Value.CutOffTime, calendar);
            var waited = Math.Max(0, calendar.CountWorkingDays(arrived, today));
            return new QueueItem(id, kind, label, content, number, units.GetValueOrDefault(unit, "?"), since, detail, deadline, proposed, waited, today > due);
        }

        return new WorkQueueView(
            reports.Select(r => Item(r.AssignmentId, "Report", "Báo cáo chờ xác nhận", r.Content, r.NumberAndSymbol, r.LeadUnitId, r.SubmittedAtUtc,
                r.Name, r.Deadline, null)).ToList(),
            requests.Select(r => Item(r.AssignmentId, r.Kind.ToString(),
                r.Kind == AssignmentRequestKind.Adjustment && r.AdjustmentKind is { } k ? $"{Labels.Vi(r.Kind)}: {Labels.Vi(k)}" : Labels.Vi(r.Kind),
                r.Content, r.NumberAndSymbol, r.LeadUnitId, r.RequestedAtUtc, r.Reason, r.Deadline, r.ProposedDeadline)).ToList());
    }
}
