using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

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

/// <summary>One group of the report table, with its label.</summary>
public sealed record ReportGroup(string Key, string Label, GroupStatistics Statistics);

/// <summary>A computed report: the figures of the period as of <see cref="AsOfUtc"/>, per group and in total, and the names.</summary>
/// <param name="IncompleteCount">Assignments of the period left out for incomplete information (seed 003).</param>
public sealed record ReportResult(ReportPeriod Period, DateTimeOffset AsOfUtc, ReportDimension GroupBy, IReadOnlyList<ReportGroup> Groups,
    GroupStatistics Total, int IncompleteCount, IReadOnlyDictionary<Guid, string> UnitNames, IReadOnlyDictionary<Guid, string> PeopleNames)
{
    /// <summary>Local date of the moment (the day "as of" which overdue is judged).</summary>
    public DateOnly AsOfDate => ProvinceTime.LocalDate(AsOfUtc);
}

/// <summary>One assignment behind a figure, classified as of the report's moment (the drill-down, the overdue lists).</summary>
public sealed record ReportListRow(
    Guid AssignmentId, Guid UnitId, Guid DirectingLeaderId, AssignmentClass Class, bool AwaitingConfirmation, bool CarriedOver,
    DateOnly? Deadline, int DaysOverdue, int ApprovedExtensions, string TaskContent, string DocumentNumber, string? NoDeadlineReason);

/// <summary>The first <see cref="Items"/> of a list of <see cref="Total"/> rows.</summary>
public sealed record ReportRows(IReadOnlyList<ReportListRow> Items, int Total);

/// <summary>
/// The as-of reports, counted by the database. Each assignment's history is stored as report intervals
/// (<see cref="ReportIntervals"/>, written in the same save as its events), so "the figures as of T" are the rows valid
/// at T, filtered to the period and counted with one <c>GROUP BY</c> — the rules of <see cref="AsOfStatistics"/>
/// (which stays the specification, and against which the tests check these counts), without replaying any history
/// per request. Incomplete information (seed 003) is left out of the figures and counted apart: a no-deadline task
/// without its "lý do không có thời hạn", a missing document number, a deciding result report without number or signer.
/// </summary>
public sealed class ReportQueries(AppDbContext db, TimeProvider clock, WorkflowUser user, Infrastructure.Caching.NameCache names, SettledReportCache settled)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Office and provincial leaders only (403 otherwise).</summary>
    public async Task<UserScope> DemandProvinceWideAsync()
    {
        var me = await user.GetAsync();
        if (!me.SeesAll) throw new ForbiddenException("Chỉ Văn phòng và lãnh đạo UBND tỉnh xem được báo cáo toàn tỉnh.");
        return me;
    }

    /// <summary>The report for the period as of the moment, grouped (office and provincial leaders only).</summary>
    public async Task<ReportResult> StatisticsAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy)
    {
        await DemandProvinceWideAsync();
        return await ComputeAsync(period, asOfUtc, groupBy, includeSecret: true);
    }

    /// <summary>No authorization check: callers decide (the portal passes includeSecret: false). Figures as of a settled
    /// moment come from <see cref="SettledReportCache"/>.</summary>
    public async Task<ReportResult> ComputeAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy, bool includeSecret,
        AsOfOptions? options = null, Guid? directingLeader = null)
    {
        options ??= AsOfOptions.Default;
        Task<SettledReportCache.Figures> Group(IQueryable<ReportFact> facts)
        {
            if (directingLeader is { } leader) facts = facts.Where(f => f.DirectingLeaderId == leader);
            return ReportFacts.GroupAsync(facts, groupBy);
        }
        var key = new SettledReportCache.Key(period, asOfUtc, groupBy, includeSecret, options, directingLeader);
        // The changes from one moment to a later one, as signed figures to add (one statement on the same local day).
        async Task<List<SettledReportCache.Figures>> Changes(DateTimeOffset since, DateTimeOffset at)
        {
            var parts = new List<SettledReportCache.Figures>();
            foreach (var part in ProvinceTime.LocalDate(since) == ProvinceTime.LocalDate(at)
                         ? [ReportFacts.ChangesBetween(db, period, since, at, includeSecret, options)]
                         : ReportFacts.ChangesAcross(db, period, since, at, includeSecret, options))
                parts.Add(await Group(part));
            return parts;
        }
        // The figures as of a settled moment: kept; or the latest figures kept for an earlier moment of the report plus
        // the changes between; or, the first time, counted in full.
        Task<SettledReportCache.Figures> Settled(DateTimeOffset at) => settled.GetOrComputeAsync(db, key with { AsOfUtc = at }, async earlier =>
            earlier is null
                ? await Group(ReportFacts.Of(db, period, at, includeSecret, options))
                : ReportFacts.Combine(earlier.Figures, await Changes(earlier.AsOfUtc, at)));
        // As of now: the figures of the last settled hour and the changes since.
        var figures = settled.AnchorFor(asOfUtc) is { } anchor
            ? ReportFacts.Combine(await Settled(anchor), await Changes(anchor, asOfUtc))
            : await Settled(asOfUtc);
        var total = GroupStatistics.Sum(new GroupKey(groupBy, "*"), figures.Groups);
        return await NameAsync(period, asOfUtc, groupBy, figures.Groups, total, figures.Incomplete);
    }

    /// <summary>The assignments behind a figure (<paramref name="key"/> "*" or empty: every group), most overdue first,
    /// then by deadline; the first <paramref name="take"/> of them and how many there are (<paramref name="knownTotal"/>:
    /// already counted by the caller's figures, so not counted again).</summary>
    public async Task<ReportRows> RowsAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy, string? key, ReportMeasure measure,
        int take, bool includeSecret = true, AsOfOptions? options = null, Guid? directingLeader = null, int? knownTotal = null)
    {
        options ??= AsOfOptions.Default;
        // Open overdue work (the dashboard's and the monthly report's lists): most overdue = earliest deadline, read in index order.
        var overdue = measure == ReportMeasure.InProgressOverdue;
        var facts = (overdue ? ReportFacts.OverdueOf(db, period, asOfUtc, includeSecret, options) : ReportFacts.Of(db, period, asOfUtc, includeSecret, options))
            .Where(f => !f.Incomplete);
        if (directingLeader is { } leader) facts = facts.Where(f => f.DirectingLeaderId == leader);
        if (!string.IsNullOrEmpty(key) && key != "*") facts = facts.Where(ReportFacts.KeyIs(groupBy, key));
        if (!overdue) facts = facts.Where(ReportFacts.Measure(measure));
        var total = knownTotal ?? await facts.CountAsync();
        if (take <= 0 || total == 0) return new ReportRows([], total);
        var ordered = overdue
            ? facts.OrderBy(f => f.DeadlineDay).ThenBy(f => f.AssignmentId)
            : facts.OrderByDescending(f => f.DaysOverdue).ThenBy(f => f.DeadlineDay ?? int.MaxValue).ThenBy(f => f.AssignmentId);
        var rows = await ordered
            .Take(take)
            .Select(f => new { f.AssignmentId, f.UnitId, f.DirectingLeaderId, f.Class, f.Awaiting, f.CarriedOver, f.DeadlineDay, f.DaysOverdue, f.ApprovedExtensions, f.TaskId })
            .ToListAsync();
        // The texts of the rows shown only (a task "for all communes" shares its text with a hundred assignments).
        var taskIds = rows.Select(r => r.TaskId).Distinct().ToList();
        var texts = new Dictionary<Guid, (string Content, string Number, string? Reason)>();
        foreach (var chunk in taskIds.Chunk(1000))
            foreach (var t in await (from t in db.Tasks.AsNoTracking() where chunk.Contains(t.Id)
                                     join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id
                                     select new { t.Id, t.Content, d.NumberAndSymbol, t.NoDeadlineReason }).ToListAsync())
                texts[t.Id] = (t.Content, t.NumberAndSymbol, t.NoDeadlineReason);
        return new ReportRows(rows.Select(r =>
        {
            var (content, number, reason) = texts.GetValueOrDefault(r.TaskId, ("", "", null));
            return new ReportListRow(r.AssignmentId, r.UnitId, r.DirectingLeaderId, (AssignmentClass)r.Class, r.Awaiting,
                r.CarriedOver, r.DeadlineDay is { } d ? DateOnly.FromDayNumber(d) : null, r.DaysOverdue, r.ApprovedExtensions, content, number, reason);
        }).ToList(), total);
    }

    /// <summary>"Lý do không có thời hạn" of the period's no-deadline assignments, with how many give each (the monthly report).</summary>
    public async Task<IReadOnlyList<(string Reason, int Count)>> NoDeadlineReasonsAsync(ReportPeriod period, DateTimeOffset asOfUtc)
    {
        var reasons = await (from f in ReportFacts.NoDeadlineOf(db, period, asOfUtc, includeSecret: true, AsOfOptions.Default)
                             where !f.Incomplete && f.Class == (int)AssignmentClass.NoDeadline
                             join t in db.Tasks on f.TaskId equals t.Id
                             group t by t.NoDeadlineReason into g
                             select new { g.Key, Count = g.Count() }).ToListAsync();
        // Reasons that differ only by blanks or a final full stop are one reason.
        return reasons.GroupBy(r => (r.Key ?? "").Trim().TrimEnd('.'))
            .Where(g => g.Key.Length > 0)
            .Select(g => (g.Key, g.Sum(x => x.Count)))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    private async Task<ReportResult> NameAsync(ReportPeriod period, DateTimeOffset asOfUtc, ReportDimension groupBy,
        IReadOnlyList<GroupStatistics> groups, GroupStatistics total, int incomplete)
    {
        var units = await UnitNamesAsync();
        var people = await names.UserNamesAsync(db);
        var fields = groupBy == ReportDimension.Field ? await db.Fields.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name) : [];
        var docIds = groupBy == ReportDimension.Document ? groups.Select(g => g.Key.AsGuid()).OfType<Guid>().ToList() : [];
        var documents = docIds.Count == 0 ? [] : await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => $"{d.NumberAndSymbol} – {d.Summary}");
        string Label(GroupKey k) => k.Dimension switch
        {
            ReportDimension.Unit => k.AsGuid() is { } u ? units.GetValueOrDefault(u, "?") : "?",
            ReportDimension.DirectingLeader => k.AsGuid() is { } p ? people.GetValueOrDefault(p, "?") : "?",
            ReportDimension.Field => k.AsGuid() is { } f ? fields.GetValueOrDefault(f, "?") : "(chưa xác định lĩnh vực)",
            ReportDimension.Nature => k.AsEnum<TaskNature>() is { } n ? Labels.Vi(n) : k.Value,
            ReportDimension.Document => k.AsGuid() is { } d ? documents.GetValueOrDefault(d, k.Value) : k.Value,
            _ => k.Value,
        };
        var named = groups.Select(g => new ReportGroup(g.Key.Value, Label(g.Key), g))
            .OrderBy(g => g.Label, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        return new ReportResult(period, asOfUtc, groupBy, named, total, incomplete, units, people);
    }

    /// <summary>Every unit's name, from the per-instance cache (shared: read only).</summary>
    public Task<Dictionary<Guid, string>> UnitNamesAsync() => names.UnitNamesAsync(db);

    /// <summary>The province's name and the root unit (the People's Committee) for the documents' header.</summary>
    public async Task<string> RootUnitNameAsync() =>
        await db.Units.AsNoTracking().Where(u => u.ParentId == null && u.Kind == Domain.Units.UnitKind.ProvincialCommittee)
            .Select(u => u.Name).FirstOrDefaultAsync() ?? "UBND tỉnh";
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
