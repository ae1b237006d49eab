using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Reports;

namespace NhiemVu.Web.Features.Portal;

public sealed record PublicAssignment(string UnitName, DateOnly? Deadline, string State, string Class, string? ResultName, string? ResultSummary,
    DateOnly? CompletedOn);

public sealed record PublicTask(Guid Id, string Content, string DocumentNumber, string DocumentSummary, DateOnly IssueDate, DateOnly? Deadline,
    DateTimeOffset UpdatedAtUtc, IReadOnlyList<PublicAssignment> Assignments);

/// <summary>
/// The public portal's data. The one filter: the task is public AND its document is not secret
/// (checked here in the query, not only by the task's rule that a secret document's tasks stay
/// non-public). Only the passed result report's name and summary are shown; no files are served.
/// </summary>
public sealed class PortalQueries(AppDbContext db, TimeProvider clock, ReportQueries reports)
{
    public async Task<IReadOnlyList<PublicTask>> TasksAsync(int take = 100)
    {
        var tasks = await (from t in db.Tasks.AsNoTracking()
                           join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id
                           where t.IsPublic && d.Secrecy == Secrecy.Thuong
                           orderby d.IssueDate descending, t.CreatedAtUtc descending
                           select new { t.Id, t.Content, d.NumberAndSymbol, d.Summary, d.IssueDate, t.Deadline, t.CreatedAtUtc })
            .Take(take).ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.TaskId) && a.State != AssignmentState.Cancelled)
            .Select(a => new { a.Id, a.TaskId, a.LeadUnitId, a.Deadline, a.State, a.AssignedAtUtc, a.LastProgressAtUtc, a.CompletedAtUtc }).ToListAsync();
        var aIds = assignments.Select(a => a.Id).ToList();
        var passed = (await db.AssignmentReports.AsNoTracking()
                .Where(r => aIds.Contains(r.AssignmentId) && r.Status == AssignmentReportStatus.Passed)
                .Select(r => new { r.AssignmentId, r.Name, r.Summary, r.SubmittedAtUtc }).ToListAsync())
            .GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedAtUtc).First());
        var units = await reports.UnitNamesAsync();
        var today = ProvinceTime.Today(clock);
        return tasks.Select(t =>
        {
            var mine = assignments.Where(a => a.TaskId == t.Id).OrderBy(a => units.GetValueOrDefault(a.LeadUnitId), StringComparer.Ordinal).ToList();
            var updated = mine.Select(a => a.CompletedAtUtc ?? a.LastProgressAtUtc ?? a.AssignedAtUtc).DefaultIfEmpty(t.CreatedAtUtc).Max();
            return new PublicTask(t.Id, t.Content, t.NumberAndSymbol, t.Summary, t.IssueDate, t.Deadline, updated, mine.Select(a =>
            {
                var r = passed.GetValueOrDefault(a.Id);
                var done = a.State == AssignmentState.Completed;
                var cls = done ? (a.Deadline is { } d && r is not null ? Classifier.CompletionClass(ProvinceTime.LocalDate(r.SubmittedAtUtc), d) : (AssignmentClass?)AssignmentClass.NoDeadline)
                    : a.Deadline is not { } dl ? AssignmentClass.NoDeadline : today <= dl ? AssignmentClass.InProgressWithinDeadline : AssignmentClass.InProgressOverdue;
                return new PublicAssignment(units.GetValueOrDefault(a.LeadUnitId, "?"), a.Deadline, Labels.Vi(a.State), Labels.Vi(cls),
                    done ? r?.Name : null, done ? r?.Summary : null, done && a.CompletedAtUtc is { } c ? ProvinceTime.LocalDate(c) : null);
            }).ToList());
        }).ToList();
    }

    /// <summary>This month's figures over the documents that are not secret (counts only, no items).</summary>
    public async Task<GroupStatistics> MonthAsync()
    {
        var now = clock.GetUtcNow();
        var today = ProvinceTime.LocalDate(now);
        var r = await reports.ComputeAsync(ReportPeriod.Month(today.Year, today.Month), now, ReportDimension.Unit, includeSecret: false);
        return r.Total;
    }
}

public static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/feed.json", async (PortalQueries p, HttpContext ctx) =>
        {
            var baseUrl = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
            var tasks = await p.TasksAsync();
            return Results.Json(new
            {
                version = "https://jsonfeed.org/version/1.1",
                title = "Nhiệm vụ UBND tỉnh giao – công khai",
                home_page_url = baseUrl + "/portal",
                feed_url = baseUrl + "/portal/feed.json",
                language = "vi",
                items = tasks.Select(t => new
                {
                    id = t.Id.ToString("D"),
                    url = $"{baseUrl}/portal#t-{t.Id:N}",
                    title = t.Content,
                    content_text = Describe(t),
                    date_published = t.IssueDate.ToString("yyyy-MM-dd") + "T00:00:00+07:00",
                    date_modified = t.UpdatedAtUtc.ToString("O"),
                }),
            }, contentType: "application/feed+json; charset=utf-8");
        }).AllowAnonymous().WithTags("Cổng công khai").WithSummary("Nhiệm vụ công khai (JSON Feed 1.1)");

        app.MapGet("/portal/feed.rss", async (PortalQueries p, HttpContext ctx) =>
        {
            var baseUrl = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
            var tasks = await p.TasksAsync();
            var sb = new StringBuilder();
            using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
            {
                w.WriteStartElement("rss");
                w.WriteAttributeString("version", "2.0");
                w.WriteStartElement("channel");
                w.WriteElementString("title", "Nhiệm vụ UBND tỉnh giao – công khai");
                w.WriteElementString("link", baseUrl + "/portal");
                w.WriteElementString("description", "Nhiệm vụ được công khai và kết quả thực hiện");
                w.WriteElementString("language", "vi");
                foreach (var t in tasks)
                {
                    w.WriteStartElement("item");
                    w.WriteElementString("title", t.Content);
                    w.WriteElementString("link", $"{baseUrl}/portal#t-{t.Id:N}");
                    w.WriteStartElement("guid");
                    w.WriteAttributeString("isPermaLink", "false");
                    w.WriteString(t.Id.ToString("D"));
                    w.WriteEndElement();
                    w.WriteElementString("description", Describe(t));
                    w.WriteElementString("pubDate", t.UpdatedAtUtc.ToString("r"));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/rss+xml; charset=utf-8");
        }).AllowAnonymous().WithTags("Cổng công khai").WithSummary("Nhiệm vụ công khai (RSS 2.0)");
    }

    private static string Describe(PublicTask t) =>
        $"{t.DocumentNumber}: {t.DocumentSummary}. " + string.Join("; ", t.Assignments.Select(a =>
            $"{a.UnitName} – {a.Class}" + (a.ResultName is null ? "" : $" ({a.ResultName})")));
}
