using Microsoft.EntityFrameworkCore;
using NhiemVu.Domain.Reports;

namespace NhiemVu.Data;

/// <summary>
/// The emulation ranking's weights an administrator set for one calendar year (seed 002 art. 8.2).
/// One row per year, so that editing next year's weights never changes a past year's ranking.
/// A year without a row uses the nearest earlier year's row, else the configuration's defaults.
/// </summary>
public sealed class RankingWeightsRow
{
    public int Year { get; set; }
    public decimal OnTimeRate { get; set; }
    public decimal CompletionRate { get; set; }
    public decimal TimelyRate { get; set; }
    public decimal PerOverdue { get; set; }
    public decimal PerCompletedLate { get; set; }
    public decimal PerMissingExplanation { get; set; }
    public decimal PerApprovedExtension { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public EmulationWeights ToWeights() =>
        new(OnTimeRate, CompletionRate, TimelyRate, PerOverdue, PerCompletedLate, PerMissingExplanation, PerApprovedExtension);

    public void Set(EmulationWeights w)
    {
        (OnTimeRate, CompletionRate, TimelyRate, PerOverdue) = (w.OnTimeRate, w.CompletionRate, w.TimelyRate, w.PerOverdue);
        (PerCompletedLate, PerMissingExplanation, PerApprovedExtension) = (w.PerCompletedLate, w.PerMissingExplanation, w.PerApprovedExtension);
    }
}

/// <summary>
/// One stretch of an assignment's history as the as-of reports count it (<see cref="ReportInterval"/>): the row valid at T
/// (<c>ValidFromUtc &lt;= T &lt; ValidToUtc</c>) says what the replay of the events up to T says. Written in the same
/// SaveChanges as the events (see the web layer's ReportIntervalInterceptor); derived data, never edited by hand.
/// </summary>
public sealed class AssignmentReportInterval : INotAudited
{
    public Guid AssignmentId { get; set; }
    public int Index { get; set; }
    /// <summary>The assignment's task (never changes), so reports join tasks without the assignments table.</summary>
    public Guid TaskId { get; set; }
    public DateTimeOffset ValidFromUtc { get; set; }
    /// <summary><see cref="ReportInterval.Open"/> while current.</summary>
    public DateTimeOffset ValidToUtc { get; set; }
    public Guid UnitId { get; set; }
    public int AssignedDay { get; set; }
    public int? DeadlineDay { get; set; }
    public Domain.Assignments.ListClass BaseClass { get; set; }
    public int? SubmittedDay { get; set; }
    public bool Awaiting { get; set; }
    public int ApprovedExtensions { get; set; }
    public bool Explained { get; set; }
    public bool ReportNumberMissing { get; set; }
    public bool ReportSignerMissing { get; set; }
    public int ReportsEntered { get; set; }
    public int ReportsEnteredInTime { get; set; }
    // The keys (ReportIntervalKeys), from the task and its document.
    public Guid DocumentId { get; set; }
    public Guid DirectingLeaderId { get; set; }
    public Guid? FieldId { get; set; }
    public Domain.Directives.TaskNature Nature { get; set; }
    public Domain.Directives.TaskProgramme Programme { get; set; }
    public bool Secret { get; set; }
    public bool NoDeadlineReasonMissing { get; set; }
    public bool DocumentNumberMissing { get; set; }

    public ReportIntervalKeys Keys => new(TaskId, DocumentId, DirectingLeaderId, FieldId, Nature, Programme, Secret, NoDeadlineReasonMissing, DocumentNumberMissing);

    public void SetKeys(ReportIntervalKeys k) =>
        (TaskId, DocumentId, DirectingLeaderId, FieldId, Nature, Programme, Secret, NoDeadlineReasonMissing, DocumentNumberMissing) =
        (k.TaskId, k.DocumentId, k.DirectingLeaderId, k.FieldId, k.Nature, k.Programme, k.Secret, k.NoDeadlineReasonMissing, k.DocumentNumberMissing);

    public static AssignmentReportInterval From(Guid assignmentId, ReportIntervalKeys keys, ReportInterval i)
    {
        var row = From(assignmentId, i);
        row.SetKeys(keys);
        return row;
    }

    private static AssignmentReportInterval From(Guid assignmentId, ReportInterval i) => new()
    {
        AssignmentId = assignmentId, Index = i.Index, ValidFromUtc = i.ValidFromUtc, ValidToUtc = i.ValidToUtc ?? ReportInterval.Open,
        UnitId = i.UnitId, AssignedDay = i.AssignedDay, DeadlineDay = i.DeadlineDay, BaseClass = i.BaseClass, SubmittedDay = i.SubmittedDay,
        Awaiting = i.Awaiting, ApprovedExtensions = i.ApprovedExtensions, Explained = i.Explained, ReportNumberMissing = i.ReportNumberMissing,
        ReportSignerMissing = i.ReportSignerMissing, ReportsEntered = i.ReportsEntered, ReportsEnteredInTime = i.ReportsEnteredInTime,
    };

    public ReportInterval ToDomain() => new(Index, ValidFromUtc, ValidToUtc == ReportInterval.Open ? null : ValidToUtc, UnitId, AssignedDay, DeadlineDay,
        BaseClass, SubmittedDay, Awaiting, ApprovedExtensions, Explained, ReportNumberMissing, ReportSignerMissing, ReportsEntered, ReportsEnteredInTime);
}

/// <summary>What the report intervals of an assignment are computed from, as the database holds it (one place for the
/// interceptor that writes them, the start-up backfill and the tests that check them).</summary>
public static class ReportIntervalSources
{
    /// <summary>The intervals of <paramref name="assignment"/> (its events and reports loaded) with its reports' entry records.</summary>
    public static IReadOnlyList<ReportInterval> Intervals(Domain.Assignments.Assignment assignment, IEnumerable<ReportTimelinessRecord> records)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return ReportIntervals.Of(assignment.Events,
            assignment.Reports.Select(r => new ReportedResult(r.Id, r.NumberAndSymbol, r.SignerName)),
            records.Select(r => new ReportEntry(r.ReportId, r.UnitId, r.EnteredAtUtc, r.EntryInTime)));
    }

    /// <summary>The keys of the tasks' intervals, read from the database (a tracked document, possibly corrected in this
    /// save, is preferred to its stored copy).</summary>
    public static async Task<Dictionary<Guid, ReportIntervalKeys>> KeysAsync(AppDbContext db, IEnumerable<Guid> taskIds,
        IReadOnlyDictionary<Guid, Domain.Directives.DirectiveDocument>? trackedDocuments, CancellationToken ct)
    {
        var result = new Dictionary<Guid, ReportIntervalKeys>();
        foreach (var chunk in taskIds.Distinct().Chunk(500))
        {
            var rows = await (from t in db.Tasks.AsNoTracking()
                              where chunk.Contains(t.Id)
                              join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id
                              select new { t, d }).ToListAsync(ct);
            foreach (var r in rows) result[r.t.Id] = ReportIntervalKeys.Of(r.t, trackedDocuments?.GetValueOrDefault(r.d.Id) ?? r.d);
        }
        return result;
    }
}

/// <summary>
/// The figures of one report as of a settled moment (see the web layer's SettledReportCache), kept in the database so
/// that every instance, and the same instance after a restart, starts from them: a report is counted in full once, and
/// after that from the nearest earlier kept figures plus the changes between. Derived data: valid only under the
/// report-history stamp (<see cref="DataVersion.ReportHistory"/>) it was counted under; rows under another stamp are
/// never read, and are deleted when new figures are kept.
/// </summary>
public sealed class KeptReportFigures : INotAudited
{
    public long Id { get; set; }
    /// <summary>What the report is, without its moment: period, grouping, options, filters, and the counting rules' version.</summary>
    public string Report { get; set; } = "";
    public DateTimeOffset AsOfUtc { get; set; }
    /// <summary>The report-history stamp read before the figures were counted.</summary>
    public Guid Stamp { get; set; }
    /// <summary>The figures, gzipped JSON (the web layer's codec).</summary>
    public byte[] Figures { get; set; } = [];
    public DateTimeOffset KeptAtUtc { get; set; }
}
