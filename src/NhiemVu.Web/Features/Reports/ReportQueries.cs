using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

using AssignmentRow = NhiemVu.Domain.Reports.AssignmentRow;

namespace NhiemVu.Web.Features.Reports;

/// <summary>What a figure of the report table counts (the drill-down's "cls").</summary>
public enum ReportMeasure
{
    Total, CompletedEarly, CompletedOnTime, CompletedLate, InProgressWithinDeadline, InProgressOverdue, NoDeadline,
    AwaitingConfirmation, Extended, MissingExplanation, CarriedOver, Completed, WithDeadline,
    /// <summary>Early + on time: the national 2×2's "đúng hạn".</summary>
    CompletedByDeadline,
    /// <summary>With a result report entered by T (the entry-timeliness rate's assignments).</summary>
    ReportEntered,
    /// <summary>With a result report entered late.</summary>
    ReportEntryLate,
}

/// <summary>The text shown with an assignment of a report (not part of the figures).</summary>
public sealed record ReportItemInfo(string TaskContent, string DocumentNumber, string DocumentSummary, bool IsPublic, Secrecy Secrecy);

/// <summary>One group of the report table, with its label.</summary>
public sealed record ReportGroup(string Key, string Label, GroupStatistics Statistics);

/// <summary>A computed report: the figures as of <see cref="AsOfReport.AsOfUtc"/>, the groups and the names.</summary>
public sealed record ReportResult(AsOfReport Report, ReportDimension GroupBy, IReadOnlyList<ReportGroup> Groups,
    IReadOnlyDictionary<Guid, ReportItemInfo> Items, IReadOnlyDictionary<Guid, string> UnitNames, IReadOnlyDictionary<Guid, string> PeopleNames)
{
    public IEnumerable<AssignmentRow> RowsOf(string? key, ReportMeasure measure) =>
        Report.Rows.Where(r => (string.IsNullOrEmpty(key) || key == "*" || r.KeyFor(GroupBy).Value == key) && ReportQueries.Matches(r, measure));
}

/// <summary>
/// Loads the assignments a report needs and runs <see cref="AsOfStatistics"/>. The database narrows
/// the candidates (assigned by the moment; not completed before the period started; secret
/// documents only for office and leaders); the events are loaded only up to the moment, so later
/// changes cannot reach the figures. Incomplete information (seed 003) is left out of the figures:
/// a no-deadline task without its "lý do không có thời hạn" (<see cref="IncompleteReason.NoDeadlineWithoutReason"/>;
/// new tasks must give one, the reports_ migration filled a default for older ones), a missing document
/// number, a result report without number or signer.
/// </summary>
public sealed class ReportQueries(AppDbContext db, TimeProvider clock, WorkflowUser user, Infrastructure.Caching.NameCache names)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Office and provincial leaders only (403 otherwise).</summary>
    public async Task<UserScope> DemandProvinceWideAsync()
    {
        var me = await user.GetAsync();
        if (!me.SeesAll) throw new ForbiddenException("Chỉ Văn phòng và lãnh đạo UBND tỉnh xem được báo cáo toàn tỉnh.");
        return me;
    }

    /// <summary>Kinds of event that, without a state change, change nothing in a replay or a report figure.</summary>
    private static readonly AssignmentEventKind[] ReplayIrrelevant =
    [
        AssignmentEventKind.ProgressPosted, AssignmentEventKind.Urged, AssignmentEventKind.ExtensionRequested,
        AssignmentEventKind.ExtensionRejected, AssignmentEventKind.RefusalRequested, AssignmentEventKind.RefusalRejected,
        AssignmentEventKind.AdjustmentRequested, AssignmentEventKind.AdjustmentRejected,
    ];

    public async Task<(List<ReportAssignment> Assignments, Dictionary<Guid, ReportItemInfo> Items)> LoadAsync(
        ReportPeriod period, DateTimeOffset asOfUtc, bool includeSecret, bool onlyPublic = false)
    {
        var fromUtc = ProvinceTime.StartOfDayUtc(period.From);
        var a = db.Assignments.AsNoTracking().Where(x => x.AssignedAtUtc <= asOfUtc);
        // Completion is final, so an assignment completed before the period (and so before T) has the
        // same deadline at T as now. It can be skipped only when that deadline is also before the
        // period (or it has none): one completed early, before the period, with its deadline inside
        // the period still counts there.
        var from = period.From;
        if (asOfUtc >= fromUtc)
            a = a.Where(x => !(x.State == AssignmentState.Completed && x.CompletedAtUtc < fromUtc
                               && (x.Deadline == null || x.Deadline < from)));
        var q = from x in a
                join t in db.Tasks on x.TaskId equals t.Id
                join d in db.Documents on t.DocumentId equals d.Id
                select new { A = x, T = t, D = d };
        if (!includeSecret) q = q.Where(r => r.D.Secrecy == Secrecy.Thuong);
        if (onlyPublic) q = q.Where(r => r.T.IsPublic && r.D.Secrecy == Secrecy.Thuong);
        // Per assignment only keys and short values; the texts (task content, document summary) once
        // per task, shared by its assignments (a task "for all communes" has a hundred of them).
        var heads = await q.Select(r => new
        {
            r.A.Id, r.A.TaskId, r.T.DocumentId, r.T.DirectingLeaderId, FieldId = r.T.FieldId ?? r.D.FieldId, r.T.Nature, r.T.Programme,
            r.D.Source, r.D.Kind, r.D.NumberAndSymbol, r.T.IsPublic, r.D.Secrecy, r.T.NoDeadlineReason,
        }).ToListAsync();
        var taskIds = q.Select(r => r.A.TaskId);
        var texts = await (from t in db.Tasks.AsNoTracking()
                           where taskIds.Contains(t.Id)
                           join d in db.Documents on t.DocumentId equals d.Id
                           select new { t.Id, t.Content, d.Summary }).ToDictionaryAsync(x => x.Id);
        var ids = q.Select(r => r.A.Id);
        // The events as the replay reads them, without their texts, and without the events that change
        // nothing a report counts: progress notes that leave the state as it is, urgings, requests and
        // their refusals (a third of all events). The replay, the explanation rule and the
        // incomplete-information check read only the others.
        var events = (await db.AssignmentEvents.AsNoTracking()
                .Where(e => e.AtUtc <= asOfUtc && ids.Contains(e.AssignmentId))
                .Where(e => e.ToState != null || !ReplayIrrelevant.Contains(e.Kind))
                .Select(e => AssignmentEvent.ForReplay(e.Id, e.AssignmentId, e.Sequence, e.Kind, e.AtUtc, e.ActorUserId, e.LeadUnitId, e.FromState,
                    e.ToState, e.OldDeadline, e.NewDeadline, e.FromUnitId, e.ToUnitId, e.ReportId, e.RequestId, e.Percent, e.Approved,
                    e.CountsAsExtension, e.IsOverride))
                .ToListAsync())
            .ToLookup(e => e.AssignmentId);
        var reports = (await db.AssignmentReports.AsNoTracking().Where(r => r.SubmittedAtUtc <= asOfUtc && ids.Contains(r.AssignmentId))
                .Select(r => new { r.AssignmentId, r.Id, r.NumberAndSymbol, r.SignerName }).ToListAsync())
            .ToLookup(r => r.AssignmentId, r => new ReportedResult(r.Id, r.NumberAndSymbol, r.SignerName));
        // Entry timeliness of the reports, as stored when each was entered (known at T when entered by T).
        var entries = (await db.ReportTimelinessRecords.AsNoTracking().Where(r => r.EnteredAtUtc <= asOfUtc && ids.Contains(r.AssignmentId))
                .Select(r => new { r.AssignmentId, r.ReportId, r.UnitId, r.EnteredAtUtc, r.EntryInTime }).ToListAsync())
            .ToLookup(r => r.AssignmentId, r => new ReportEntry(r.ReportId, r.UnitId, r.EnteredAtUtc, r.EntryInTime));
        var list = new List<ReportAssignment>(heads.Count);
        var items = new Dictionary<Guid, ReportItemInfo>(heads.Count);
        var infos = new Dictionary<(Guid, bool, Secrecy, string), ReportItemInfo>();
        foreach (var h in heads)
        {
            var ev = events[h.Id].OrderBy(e => e.Sequence).ToList();
            if (ev.Count == 0) continue;
            list.Add(new ReportAssignment(h.Id, h.TaskId, h.DocumentId, h.DirectingLeaderId, h.FieldId, h.Nature, h.Programme, ev,
                reports[h.Id].ToList(), h.NoDeadlineReason, h.Source, h.Kind, h.NumberAndSymbol, entries[h.Id].ToList()));
            var key = (h.TaskId, h.IsPublic, h.Secrecy, h.NumberAndSymbol);
            if (!infos.TryGetValue(key, out var info))
            {
                var text = texts[h.TaskId];
                infos[key] = info = new ReportItemInfo(text.Content, h.NumberAndSymbol, text.Summary, h.IsPublic, h.Secrecy);
            }
            items[h.Id] = info;
        }
        return (list, items);
    }

    /// <summary>The report for the period as of the moment, grouped (office and provincial leaders only).</summary>
    public async Task<ReportResult> StatisticsAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy)
    {
        await DemandProvinceWideAsync();
        return await ComputeAsync(period, asOfUtc, groupBy, includeSecret: true);
    }

    /// <summary>No authorization check: callers decide (the portal passes includeSecret: false).</summary>
    public async Task<ReportResult> ComputeAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy, bool includeSecret)
    {
        var (assignments, items) = await LoadAsync(period, asOfUtc, includeSecret);
        var report = AsOfStatistics.Compute(assignments, period, asOfUtc, AsOfOptions.Default);
        return await NameAsync(report, groupBy, items);
    }

    public async Task<ReportResult> NameAsync(AsOfReport report, ReportDimension groupBy, IReadOnlyDictionary<Guid, ReportItemInfo> items)
    {
        var units = await UnitNamesAsync();
        var people = await names.UserNamesAsync(db);
        var fields = groupBy == ReportDimension.Field ? await db.Fields.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name) : [];
        string Label(GroupKey k) => k.Dimension switch
        {
            ReportDimension.Unit => k.AsGuid() is { } u ? units.GetValueOrDefault(u, "?") : "?",
            ReportDimension.DirectingLeader => k.AsGuid() is { } p ? people.GetValueOrDefault(p, "?") : "?",
            ReportDimension.Field => k.AsGuid() is { } f ? fields.GetValueOrDefault(f, "?") : "(chưa xác định lĩnh vực)",
            ReportDimension.Nature => k.AsEnum<TaskNature>() is { } n ? Labels.Vi(n) : k.Value,
            ReportDimension.Document => report.Rows.FirstOrDefault(r => r.Assignment.DocumentId.ToString("D") == k.Value) is { } r
                && items.TryGetValue(r.Assignment.AssignmentId, out var i) ? $"{i.DocumentNumber} – {i.DocumentSummary}" : k.Value,
            _ => k.Value,
        };
        var groups = report.By(groupBy).Select(g => new ReportGroup(g.Key.Value, Label(g.Key), g))
            .OrderBy(g => g.Label, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        return new ReportResult(report, groupBy, groups, items, units, people);
    }

    /// <summary>Every unit's name, from the per-instance cache (shared: read only).</summary>
    public Task<Dictionary<Guid, string>> UnitNamesAsync() => names.UnitNamesAsync(db);

    /// <summary>The province's name and the root unit (the People's Committee) for the documents' header.</summary>
    public async Task<string> RootUnitNameAsync() =>
        await db.Units.AsNoTracking().Where(u => u.ParentId == null && u.Kind == Domain.Units.UnitKind.ProvincialCommittee)
            .Select(u => u.Name).FirstOrDefaultAsync() ?? "UBND tỉnh";

    public static bool Matches(AssignmentRow r, ReportMeasure m) => m switch
    {
        ReportMeasure.Total => true,
        ReportMeasure.CompletedEarly => r.Class == AssignmentClass.CompletedEarly,
        ReportMeasure.CompletedOnTime => r.Class == AssignmentClass.CompletedOnTime,
        ReportMeasure.CompletedLate => r.Class == AssignmentClass.CompletedLate,
        ReportMeasure.InProgressWithinDeadline => r.Class == AssignmentClass.InProgressWithinDeadline,
        ReportMeasure.InProgressOverdue => r.Class == AssignmentClass.InProgressOverdue,
        ReportMeasure.NoDeadline => r.Class == AssignmentClass.NoDeadline,
        ReportMeasure.AwaitingConfirmation => r.AwaitingConfirmation,
        ReportMeasure.Extended => r.ApprovedExtensions > 0,
        ReportMeasure.MissingExplanation => r.LacksExplanation,
        ReportMeasure.CarriedOver => r.CarriedOver,
        ReportMeasure.Completed => r.Class is AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime or AssignmentClass.CompletedLate,
        ReportMeasure.WithDeadline => r.Class != AssignmentClass.NoDeadline,
        ReportMeasure.CompletedByDeadline => r.Class is AssignmentClass.CompletedEarly or AssignmentClass.CompletedOnTime,
        ReportMeasure.ReportEntered => r.ReportsEntered > 0,
        ReportMeasure.ReportEntryLate => r.ReportsEnteredInTime < r.ReportsEntered,
        _ => false,
    };

    /// <summary>The count of a measure in a group's figures (what the drill-down must list).</summary>
    public static int Count(GroupStatistics s, ReportMeasure m) => m switch
    {
        ReportMeasure.Total => s.Total,
        ReportMeasure.CompletedEarly => s.CompletedEarly,
        ReportMeasure.CompletedOnTime => s.CompletedOnTime,
        ReportMeasure.CompletedLate => s.CompletedLate,
        ReportMeasure.InProgressWithinDeadline => s.InProgressWithinDeadline,
        ReportMeasure.InProgressOverdue => s.InProgressOverdue,
        ReportMeasure.NoDeadline => s.NoDeadline,
        ReportMeasure.AwaitingConfirmation => s.AwaitingConfirmation,
        ReportMeasure.Extended => s.AssignmentsExtended,
        ReportMeasure.MissingExplanation => s.MissingExplanation,
        ReportMeasure.CarriedOver => s.CarriedOver,
        ReportMeasure.Completed => s.CompletedWithDeadline,
        ReportMeasure.WithDeadline => s.WithDeadline,
        ReportMeasure.CompletedByDeadline => s.CompletedEarly + s.CompletedOnTime,
        ReportMeasure.ReportEntered => s.AssignmentsWithReportEntry,
        ReportMeasure.ReportEntryLate => s.AssignmentsWithLateReportEntry,
        _ => 0,
    };
}

/// <summary>The query string shared by /reports, its downloads and /api/reports/statistics.</summary>
public sealed class ReportParams
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>"yyyy-MM": the month picker (used when From/To are empty).</summary>
    public string? Month { get; set; }
    /// <summary>The moment T (ISO 8601; a date alone means the end of that local day). Default: now.</summary>
    public string? AsOf { get; set; }
    public ReportDimension? GroupBy { get; set; }

    public ReportPeriod Period(DateOnly today)
    {
        if (From is { } f && To is { } t && t >= f) return new ReportPeriod(f, t);
        if (Month is { Length: 7 } m && DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", out var first))
            return ReportPeriod.Month(first.Year, first.Month);
        return ReportPeriod.Month(today.Year, today.Month);
    }

    public DateTimeOffset AsOfUtc(DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(AsOf)) return now;
        if (DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", out var d)) return ProvinceTime.StartOfDayUtc(d.AddDays(1)).AddTicks(-1);
        if (DateTimeOffset.TryParse(AsOf, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        throw new DomainValidationException("AsOf", "Thời điểm báo cáo không hợp lệ (dùng yyyy-MM-dd hoặc ISO 8601).");
    }

    public ReportDimension Dimension => GroupBy ?? ReportDimension.Unit;

    /// <summary>The query string that reproduces this report with the moment pinned (so links stay as of T).</summary>
    public static string Query(ReportPeriod p, DateTimeOffset asOfUtc, ReportDimension groupBy) =>
        $"from={p.From:yyyy-MM-dd}&to={p.To:yyyy-MM-dd}&asOf={Uri.EscapeDataString(asOfUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"))}&groupBy={groupBy}";
}
