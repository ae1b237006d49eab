using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Domain.Timeliness;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features.Timeliness;

/// <summary>One specialist's record: documents entered (seed 002 art. 6.3b / seed 004) and reports reviewed (art. 6.4).</summary>
public sealed record SpecialistTimeliness(
    Guid UserId, string Name,
    int DocumentsEntered, int DocumentsInTime, int DocumentsLate, decimal? DocumentRate,
    int ReviewsDone, int ReviewsInTime, int ReviewsLate, decimal? ReviewRate,
    int WaitingPastDeadline);

/// <summary>One unit's result reports entered in time / late (seed 002 art. 7.5).</summary>
public sealed record UnitTimeliness(Guid UnitId, string Name, int ReportsEntered, int ReportsInTime, int ReportsLate, decimal? Rate);

/// <summary>The timeliness report of a period, as of a moment (the end of the period, or now if earlier).</summary>
public sealed record TimelinessReport(
    DateOnly From, DateOnly To, DateTimeOffset AsOfUtc, string CurrentRule, bool ProvinceWide,
    IReadOnlyList<SpecialistTimeliness> Specialists, SpecialistTimeliness SpecialistTotal,
    IReadOnlyList<UnitTimeliness> Units, UnitTimeliness UnitTotal);

/// <summary>What a list behind a figure holds.</summary>
public enum TimelinessKind { Documents, Reviews, Waiting, Reports }

/// <summary>Which outcomes a list holds.</summary>
public enum TimelinessOutcome { All, InTime, Late }

/// <summary>One row behind a figure.</summary>
/// <param name="Since">Ngày ban hành (documents, reports) or the moment a report reached the office (reviews).</param>
/// <param name="DoneAtUtc">When it was entered / reviewed (null: still waiting).</param>
public sealed record TimelinessItem(
    TimelinessKind Kind, Guid Id, Guid? AssignmentId, Guid? DocumentId, string Title, string Detail, string Who,
    DateOnly Since, DateTimeOffset? ReceivedAtUtc, DateTimeOffset? DoneAtUtc, DateOnly Deadline, bool? InTime, int LateWorkingDays, string Rule);

/// <summary>The timeliness of one assignment's document and reports (for the assignment page).</summary>
public sealed record AssignmentTimeliness(DocumentEntryRecord? Document, IReadOnlyDictionary<Guid, ReportTimelinessRecord> Reports, DateOnly Today);

/// <summary>
/// Entry and review timeliness, read from the outcomes stored when each document and report was entered
/// (<see cref="TimelinessInterceptor"/>). Office and provincial leaders see every specialist and unit;
/// a unit's members see only their own unit's figures (and no specialist's).
/// <para>Period [from, to] (local dates): documents and reports by the day they were entered, reviews by
/// the day they were done. "Still waiting past the review deadline" is a backlog as of the moment T (the end
/// of the period, or now if earlier), attributed to the task's follow-up specialist (else the one who
/// entered its document). Only what was recorded by T counts, so a figure for T does not change later.</para>
/// </summary>
public sealed class TimelinessQueries(AppDbContext db, TimeProvider clock, IWorkingCalendar calendar, WorkflowUser user, IOptions<TimelinessOptions> options)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public static ReportPeriod PeriodOf(DateOnly? from, DateOnly? to, DateOnly today) =>
        from is { } f && to is { } t && t >= f ? new ReportPeriod(f, t) : ReportPeriod.Month(today.Year, today.Month);

    /// <summary>T: the end of the period's last day, or now when that is later.</summary>
    public DateTimeOffset AsOf(ReportPeriod p)
    {
        var end = ProvinceTime.StartOfDayUtc(p.To.AddDays(1)).AddTicks(-1);
        var now = Now;
        return end < now ? end : now;
    }

    private async Task<UserScope> ScopeAsync()
    {
        var me = await user.GetAsync();
        if (!me.SeesAll && !me.IsUnitMember)
            throw new ForbiddenException("Chỉ Văn phòng, lãnh đạo UBND tỉnh và các đơn vị xem được số liệu nhập đúng hạn.");
        return me;
    }

    public async Task<TimelinessReport> ReportAsync(DateOnly? from, DateOnly? to)
    {
        var me = await ScopeAsync();
        var period = PeriodOf(from, to, ProvinceTime.LocalDate(Now));
        var asOf = AsOf(period);
        var (start, end) = Range(period, asOf);

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        var reportRows = db.ReportTimelinessRecords.AsNoTracking().Where(r => r.EnteredAtUtc >= start && r.EnteredAtUtc <= end);
        if (!me.SeesAll) reportRows = reportRows.Where(r => r.UnitId == me.UnitId);
        var reports = await reportRows.Select(r => new { r.UnitId, r.EntryInTime }).ToListAsync();
        var unitFigures = reports.GroupBy(r => r.UnitId)
            .Select(g => Unit(g.Key, units.GetValueOrDefault(g.Key, "?"), g.Count(), g.Count(x => x.EntryInTime)))
            .OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        if (!me.SeesAll && unitFigures.Count == 0) unitFigures.Add(Unit(me.UnitId, units.GetValueOrDefault(me.UnitId, "?"), 0, 0));
        var unitTotal = Unit(Guid.Empty, "Tổng cộng", reports.Count, reports.Count(r => r.EntryInTime));

        List<SpecialistTimeliness> specialists = [];
        var specialistTotal = new SpecialistTimeliness(Guid.Empty, "Tổng cộng", 0, 0, 0, null, 0, 0, 0, null, 0);
        if (me.SeesAll)
        {
            var docs = await db.DocumentEntryRecords.AsNoTracking().Where(d => d.EnteredAtUtc >= start && d.EnteredAtUtc <= end)
                .Select(d => new { d.EnteredByUserId, d.InTime }).ToListAsync();
            var reviews = await db.ReportTimelinessRecords.AsNoTracking()
                .Where(r => r.ReviewedAtUtc >= start && r.ReviewedAtUtc <= end && r.ReviewedByUserId != null)
                .Select(r => new { UserId = r.ReviewedByUserId!.Value, InTime = r.ReviewInTime == true }).ToListAsync();
            var waiting = await WaitingQuery(asOf).Select(w => w.Responsible).ToListAsync();
            var ids = docs.Select(d => d.EnteredByUserId).Concat(reviews.Select(r => r.UserId)).Concat(waiting).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);
            specialists = ids.Select(id => Specialist(id, names.GetValueOrDefault(id, "?"),
                    docs.Count(d => d.EnteredByUserId == id), docs.Count(d => d.EnteredByUserId == id && d.InTime),
                    reviews.Count(r => r.UserId == id), reviews.Count(r => r.UserId == id && r.InTime), waiting.Count(w => w == id)))
                .OrderBy(s => s.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
            specialistTotal = Specialist(Guid.Empty, "Tổng cộng", docs.Count, docs.Count(d => d.InTime), reviews.Count, reviews.Count(r => r.InTime), waiting.Count);
        }
        return new TimelinessReport(period.From, period.To, asOf, DescribeCurrentRule(), me.SeesAll, specialists, specialistTotal, unitFigures, unitTotal);
    }

    private static UnitTimeliness Unit(Guid id, string name, int entered, int inTime) =>
        new(id, name, entered, inTime, entered - inTime, GroupStatistics.Rate(inTime, entered));

    private static SpecialistTimeliness Specialist(Guid id, string name, int docs, int docsInTime, int reviews, int reviewsInTime, int waiting) =>
        new(id, name, docs, docsInTime, docs - docsInTime, GroupStatistics.Rate(docsInTime, docs),
            reviews, reviewsInTime, reviews - reviewsInTime, GroupStatistics.Rate(reviewsInTime, reviews), waiting);

    /// <summary>[start of the period's first day, T] in UTC.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Range(ReportPeriod p, DateTimeOffset asOf) => (ProvinceTime.StartOfDayUtc(p.From), asOf);

    private sealed class Waiting
    {
        public required ReportTimelinessRecord R { get; init; }
        public required Guid Responsible { get; init; }
        public required string Content { get; init; }
    }

    /// <summary>Reports that had reached the office by T, were neither reviewed nor withdrawn by T, and whose
    /// review deadline is before T's day (art. 6.4), with the specialist who follows the task.</summary>
    private IQueryable<Waiting> WaitingQuery(DateTimeOffset asOf)
    {
        var today = ProvinceTime.LocalDate(asOf);
        return from r in db.ReportTimelinessRecords.AsNoTracking()
               where r.ReceivedAtUtc <= asOf && (r.ReviewedAtUtc == null || r.ReviewedAtUtc > asOf)
                     && (r.WithdrawnAtUtc == null || r.WithdrawnAtUtc > asOf) && r.ReviewDeadline < today
               join a in db.Assignments on r.AssignmentId equals a.Id
               join t in db.Tasks on a.TaskId equals t.Id
               join d in db.Documents on t.DocumentId equals d.Id
               select new Waiting { R = r, Responsible = t.FollowUpSpecialistId ?? d.EnteredByUserId, Content = t.Content };
    }

    /// <summary>The rows behind one figure. <paramref name="key"/>: a user id (documents, reviews, waiting), a unit id
    /// (reports), or empty / "*" for the total. Units see only their own reports.</summary>
    public async Task<IReadOnlyList<TimelinessItem>> ItemsAsync(DateOnly? from, DateOnly? to, TimelinessKind kind, string? key, TimelinessOutcome outcome)
    {
        var me = await ScopeAsync();
        if (!me.SeesAll && kind != TimelinessKind.Reports)
            throw new ForbiddenException("Đơn vị chỉ xem được báo cáo kết quả của đơn vị mình.");
        var period = PeriodOf(from, to, ProvinceTime.LocalDate(Now));
        var asOf = AsOf(period);
        var (start, end) = Range(period, asOf);
        Guid? who = Guid.TryParse(key, out var g) ? g : null;
        if (!me.SeesAll)
        {
            if (who is { } u && u != me.UnitId) throw new NotFoundException("Không tìm thấy số liệu của đơn vị này.");
            who = me.UnitId;
        }
        bool Keep(bool? inTime) => outcome switch
        {
            TimelinessOutcome.InTime => inTime == true,
            TimelinessOutcome.Late => inTime == false,
            _ => true,
        };

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        List<TimelinessItem> items;
        switch (kind)
        {
            case TimelinessKind.Documents:
            {
                var q = from r in db.DocumentEntryRecords.AsNoTracking()
                        where r.EnteredAtUtc >= start && r.EnteredAtUtc <= end
                        join d in db.Documents on r.DocumentId equals d.Id
                        select new { r, d.NumberAndSymbol, d.Summary };
                if (who is { } u) q = q.Where(x => x.r.EnteredByUserId == u);
                var rows = await q.ToListAsync();
                var names = await NamesAsync(rows.Select(x => x.r.EnteredByUserId));
                items = rows.Where(x => Keep(x.r.InTime)).Select(x => new TimelinessItem(kind, x.r.DocumentId, null, x.r.DocumentId,
                    x.NumberAndSymbol.Length > 0 ? x.NumberAndSymbol : "(không số)", x.Summary, names.GetValueOrDefault(x.r.EnteredByUserId, "?"),
                    x.r.IssueDate, null, x.r.EnteredAtUtc, x.r.EntryDeadline, x.r.InTime, x.r.LateWorkingDays, x.r.Rule)).ToList();
                break;
            }
            case TimelinessKind.Reports:
            {
                var q = from r in db.ReportTimelinessRecords.AsNoTracking()
                        where r.EnteredAtUtc >= start && r.EnteredAtUtc <= end
                        join rp in db.AssignmentReports on r.ReportId equals rp.Id
                        join a in db.Assignments on r.AssignmentId equals a.Id
                        join t in db.Tasks on a.TaskId equals t.Id
                        select new { r, rp.Name, rp.NumberAndSymbol, t.Content };
                if (who is { } u) q = q.Where(x => x.r.UnitId == u);
                var rows = await q.ToListAsync();
                items = rows.Where(x => Keep(x.r.EntryInTime)).Select(x => new TimelinessItem(kind, x.r.ReportId, x.r.AssignmentId, null,
                    $"{x.Name} {x.NumberAndSymbol}", x.Content, units.GetValueOrDefault(x.r.UnitId, "?"),
                    x.r.DocumentDate, x.r.ReceivedAtUtc, x.r.EnteredAtUtc, x.r.EntryDeadline, x.r.EntryInTime, x.r.EntryLateWorkingDays, x.r.EntryRule)).ToList();
                break;
            }
            case TimelinessKind.Reviews:
            {
                var q = from r in db.ReportTimelinessRecords.AsNoTracking()
                        where r.ReviewedAtUtc >= start && r.ReviewedAtUtc <= end && r.ReviewedByUserId != null
                        join a in db.Assignments on r.AssignmentId equals a.Id
                        join t in db.Tasks on a.TaskId equals t.Id
                        select new { r, t.Content };
                if (who is { } u) q = q.Where(x => x.r.ReviewedByUserId == u);
                var rows = await q.ToListAsync();
                var names = await NamesAsync(rows.Select(x => x.r.ReviewedByUserId!.Value));
                items = rows.Where(x => Keep(x.r.ReviewInTime)).Select(x => new TimelinessItem(kind, x.r.ReportId, x.r.AssignmentId, null,
                    x.Content, units.GetValueOrDefault(x.r.UnitId, "?"), names.GetValueOrDefault(x.r.ReviewedByUserId!.Value, "?"),
                    ProvinceTime.LocalDate(x.r.ReceivedAtUtc), x.r.ReceivedAtUtc, x.r.ReviewedAtUtc, x.r.ReviewDeadline, x.r.ReviewInTime,
                    x.r.ReviewLateWorkingDays, $"Review {options.Value.CutOffTime:HH\\:mm}")).ToList();
                break;
            }
            default:
            {
                var q = WaitingQuery(asOf);
                if (who is { } u) q = q.Where(x => x.Responsible == u);
                var rows = await q.ToListAsync();
                var names = await NamesAsync(rows.Select(x => x.Responsible));
                var today = ProvinceTime.LocalDate(asOf);
                items = outcome == TimelinessOutcome.InTime ? [] : rows.Select(x => new TimelinessItem(kind, x.R.ReportId, x.R.AssignmentId, null,
                    x.Content, units.GetValueOrDefault(x.R.UnitId, "?"), names.GetValueOrDefault(x.Responsible, "?"),
                    ProvinceTime.LocalDate(x.R.ReceivedAtUtc), x.R.ReceivedAtUtc, null, x.R.ReviewDeadline, false,
                    EntryTimeliness.Judge(x.R.ReviewDeadline, today, calendar).LateWorkingDays, $"Review {options.Value.CutOffTime:HH\\:mm}")).ToList();
                break;
            }
        }
        return items.OrderByDescending(i => i.LateWorkingDays).ThenBy(i => i.Deadline).ThenBy(i => i.Id).ToList();
    }

    /// <summary>The document's and the reports' stored outcomes, for the assignment page (the caller has checked access).</summary>
    public async Task<AssignmentTimeliness> ForAssignmentAsync(Guid assignmentId, Guid documentId) => new(
        await db.DocumentEntryRecords.AsNoTracking().FirstOrDefaultAsync(d => d.DocumentId == documentId),
        await db.ReportTimelinessRecords.AsNoTracking().Where(r => r.AssignmentId == assignmentId).ToDictionaryAsync(r => r.ReportId),
        ProvinceTime.LocalDate(Now));

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);
    }

    /// <summary>The rule in force now, in words (the page says which rule new entries are judged by).</summary>
    public string DescribeCurrentRule()
    {
        var o = options.Value;
        var cut = o.CutOffTime.ToString("HH\\:mm");
        var rule = o.ToRule();
        return o.EntryRule switch
        {
            EntryRuleKind.WorkingDays => $"Nhập trong {rule.WorkingDays} ngày làm việc kể từ ngày ban hành",
            EntryRuleKind.ByUrgency => "Theo độ khẩn: " + string.Join(", ", new[]
                {
                    Domain.Directives.Urgency.HoaToc, Domain.Directives.Urgency.ThuongKhan, Domain.Directives.Urgency.Khan, Domain.Directives.Urgency.Thuong,
                }.Select(u => $"{TimelinessText.Urgency(u)} {(rule.DaysFor(u) == 0 ? "trong ngày" : $"{rule.DaysFor(u)} ngày làm việc")}")),
            _ => $"Nhập ngay trong ngày ban hành; văn bản phát hành sau {cut} nhập trong ngày làm việc tiếp theo",
        };
    }
}

/// <summary>Text for an outcome, shared by the pages.</summary>
public static class TimelinessText
{
    public static string Entry(bool inTime, int lateDays) => inTime ? "Nhập đúng hạn" : $"Nhập muộn {lateDays} ngày làm việc";
    public static string Urgency(Domain.Directives.Urgency u) => u switch
    {
        Domain.Directives.Urgency.HoaToc => "hỏa tốc",
        Domain.Directives.Urgency.ThuongKhan => "thượng khẩn",
        Domain.Directives.Urgency.Khan => "khẩn",
        _ => "thường",
    };

    public static string Review(bool inTime, int lateDays) => inTime ? "Xác nhận đúng hạn" : $"Xác nhận muộn {lateDays} ngày làm việc";
}

/// <summary>A badge on the assignment page: "Nhập đúng hạn" / "Nhập muộn 2 ngày làm việc" / review outcomes.</summary>
public sealed record EntryBadge(bool InTime, int LateWorkingDays, DateOnly Deadline, bool Review, bool Waiting);
