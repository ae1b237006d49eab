using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Timeliness;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>
/// Records entry and review timeliness in the same SaveChanges as the write it judges, whatever path
/// made it (the form, the API, the programme import, the demo data):
/// <list type="bullet">
/// <item>a new directive document → a <see cref="DocumentEntryRecord"/> (issue date vs. entered-at, by the configured rule);</item>
/// <item>a new result report → a <see cref="ReportTimelinessRecord"/> (report document date vs. submission; the
/// review deadline from the submission, seed 002 art. 6.4);</item>
/// <item>a report decided (passed / not passed) → the record's reviewer, review time and in-time flag;
/// withdrawn → no review needed.</item>
/// </list>
/// The outcome is computed now and stored, never recomputed: later changes of the settings or the calendar
/// leave history as it was judged.
/// </summary>
public sealed class TimelinessInterceptor(IWorkingCalendar calendar, IOptions<TimelinessOptions> options) : BeforeSaveInterceptor
{
    protected override async Task BeforeSaveAsync(AppDbContext db, CancellationToken ct)
    {
        var o = options.Value;
        var rule = o.ToRule();
        var cutoff = o.CutOffTime;
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false; // one scan above; the loops below only read what it found
        try
        {
            var docRecords = tracker.Entries<DocumentEntryRecord>().Select(e => e.Entity.DocumentId).ToHashSet();
            foreach (var doc in tracker.Entries<DirectiveDocument>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
            {
                if (!docRecords.Add(doc.Id)) continue;
                var outcome = EntryTimeliness.Classify(new ReceivedMoment(doc.IssueDate, doc.IssueTime), doc.EnteredAtUtc, rule, doc.Urgency, calendar);
                db.DocumentEntryRecords.Add(new DocumentEntryRecord
                {
                    DocumentId = doc.Id, IssueDate = doc.IssueDate, EnteredAtUtc = doc.EnteredAtUtc, EnteredByUserId = doc.EnteredByUserId,
                    EntryDeadline = outcome.Deadline, InTime = outcome.InTime, LateWorkingDays = outcome.LateWorkingDays, Rule = rule.Describe(doc.Urgency),
                });
            }

            var reports = tracker.Entries<AssignmentReport>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
            if (reports.Count == 0) return;
            var records = tracker.Entries<ReportTimelinessRecord>().ToDictionary(e => e.Entity.ReportId, e => e.Entity);
            var urgency = new UrgencyLookup(db);
            foreach (var entry in reports.Where(e => e.State == EntityState.Added))
            {
                var r = entry.Entity;
                if (records.ContainsKey(r.Id)) continue;
                var level = await urgency.OfAsync(r.AssignmentId, ct);
                // Art. 7.5: counted from the report document's issue date (only the date is recorded);
                // a report posted by the unit reaches the office at its submission.
                var entryOutcome = EntryTimeliness.Classify(ReceivedMoment.OnDate(r.DocumentDate), r.SubmittedAtUtc, rule, level, calendar);
                var record = new ReportTimelinessRecord
                {
                    ReportId = r.Id, AssignmentId = r.AssignmentId, UnitId = r.SubmittedByUnitId, EnteredByUserId = r.SubmittedByUserId,
                    DocumentDate = r.DocumentDate, EnteredAtUtc = r.SubmittedAtUtc, EntryDeadline = entryOutcome.Deadline,
                    EntryInTime = entryOutcome.InTime, EntryLateWorkingDays = entryOutcome.LateWorkingDays, EntryRule = rule.Describe(level),
                    ReceivedAtUtc = r.SubmittedAtUtc, ReviewDeadline = EntryTimeliness.ReviewDeadline(r.SubmittedAtUtc, cutoff, calendar),
                };
                db.ReportTimelinessRecords.Add(record);
                records[r.Id] = record;
            }

            foreach (var entry in reports)
            {
                var r = entry.Entity;
                if (r.Status == AssignmentReportStatus.Pending || r.DecidedAtUtc is not { } at) continue;
                if (entry.State == EntityState.Modified && !entry.Property(x => x.Status).IsModified) continue;
                if (!records.TryGetValue(r.Id, out var record))
                {
                    record = await db.ReportTimelinessRecords.FirstOrDefaultAsync(x => x.ReportId == r.Id, ct);
                    if (record is null) continue; // a report from before timeliness was recorded
                }
                if (record.ReviewedAtUtc is not null || record.WithdrawnAtUtc is not null) continue;
                if (r.Status == AssignmentReportStatus.Withdrawn)
                {
                    record.WithdrawnAtUtc = at;
                    continue;
                }
                var review = EntryTimeliness.Judge(record.ReviewDeadline, ProvinceTime.LocalDate(at), calendar);
                record.ReviewedAtUtc = at;
                record.ReviewedByUserId = r.DecidedByUserId;
                record.ReviewInTime = review.InTime;
                record.ReviewLateWorkingDays = review.LateWorkingDays;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>Độ khẩn of the document behind an assignment (tracked entities first: the demo adds them all in one save).</summary>
    private sealed class UrgencyLookup(AppDbContext db)
    {
        private Dictionary<Guid, Guid>? _taskOfAssignment, _docOfTask;
        private Dictionary<Guid, Urgency>? _urgencyOfDoc;

        public async Task<Urgency> OfAsync(Guid assignmentId, CancellationToken ct)
        {
            _taskOfAssignment ??= db.ChangeTracker.Entries<Assignment>().ToDictionary(e => e.Entity.Id, e => e.Entity.TaskId);
            _docOfTask ??= db.ChangeTracker.Entries<DirectiveTask>().ToDictionary(e => e.Entity.Id, e => e.Entity.DocumentId);
            _urgencyOfDoc ??= db.ChangeTracker.Entries<DirectiveDocument>().ToDictionary(e => e.Entity.Id, e => e.Entity.Urgency);
            if (!_taskOfAssignment.TryGetValue(assignmentId, out var taskId))
                taskId = await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.TaskId).FirstOrDefaultAsync(ct);
            if (!_docOfTask.TryGetValue(taskId, out var docId))
                docId = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.DocumentId).FirstOrDefaultAsync(ct);
            if (_urgencyOfDoc.TryGetValue(docId, out var u)) return u;
            return await db.Documents.Where(d => d.Id == docId).Select(d => (Urgency?)d.Urgency).FirstOrDefaultAsync(ct) ?? Urgency.Thuong;
        }
    }
}
