using System.Text;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Web.Features.Documents;

/// <summary>An open task whose content nearly duplicates a task being entered.</summary>
/// <param name="TaskIndex">0-based position of the new task in the request (or the import's sheet row number).</param>
public sealed record SimilarTask(int TaskIndex, Guid TaskId, string Content, Guid DocumentId, string DocumentNumber, IReadOnlyList<UnitRef> LeadUnits,
    DateOnly? Deadline, double Similarity, string Link);

/// <summary>The content of a new task nearly duplicates an open task; saved only when the caller confirms (409 <c>task.near_duplicate</c>).</summary>
public sealed class NearDuplicateException(IReadOnlyList<SimilarTask> candidates)
    : DomainException("task.near_duplicate",
        "Nội dung nhiệm vụ gần trùng với nhiệm vụ đang thực hiện. Hãy kiểm tra; nếu vẫn muốn lưu, đánh dấu xác nhận rồi gửi lại.")
{
    public IReadOnlyList<SimilarTask> Candidates { get; } = candidates;
}

/// <summary>
/// Near-duplicate detection for task content. Both texts are folded like the search column
/// (lower case, no diacritics, đ → d), punctuation becomes a space, and the similarity is the
/// Jaccard index of their character-trigram sets (each word padded with spaces). A pair at or above
/// <see cref="Threshold"/> (0.8) is a near duplicate: punctuation, case and diacritic differences give 1.0,
/// one changed short word in a ten-word sentence stays above it, a different subject falls far below.
/// Candidates are restricted in SQL first: tasks created in the last two years that still have an open
/// (neither completed nor cancelled) assignment of one of the same lead units — the (LeadUnitId, State)
/// index — and at most <see cref="MaxCandidates"/> of the newest are compared.
/// </summary>
public static class NearDuplicates
{
    public const double Threshold = 0.8;
    public const int MaxCandidates = 2000;
    public const int MaxShown = 5;

    public static string Normalize(string? s)
    {
        var f = TextFold.Fold(s);
        var sb = new StringBuilder(f.Length);
        var space = true;
        foreach (var c in f)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    public static HashSet<string> Trigrams(string normalized)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var p = $" {normalized} ";
        for (var i = 0; i + 3 <= p.Length; i++) set.Add(p.Substring(i, 3));
        return set;
    }

    public static double Similarity(string? a, string? b) => Jaccard(Trigrams(Normalize(a)), Trigrams(Normalize(b)));

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    /// <summary>Open tasks of the same lead units whose content is at least <see cref="Threshold"/> similar, most similar first.</summary>
    public static async Task<List<SimilarTask>> FindAsync(AppDbContext db, string content, IReadOnlyCollection<Guid> leadUnitIds, DateTimeOffset now,
        int taskIndex, Dictionary<Guid, string> unitNames)
    {
        if (leadUnitIds.Count == 0 || string.IsNullOrWhiteSpace(content)) return [];
        var leads = leadUnitIds.ToList();
        var since = now.AddYears(-2);
        var candidates = await db.Tasks.AsNoTracking()
            .Where(t => t.CreatedAtUtc >= since && db.Assignments.Any(a => a.TaskId == t.Id && leads.Contains(a.LeadUnitId)
                && a.State != AssignmentState.Completed && a.State != AssignmentState.Cancelled))
            .OrderByDescending(t => t.CreatedAtUtc).Take(MaxCandidates)
            .Select(t => new { t.Id, t.Content, t.DocumentId, t.Deadline }).ToListAsync();
        var mine = Trigrams(Normalize(content));
        var hits = candidates.Select(c => (c, s: Jaccard(mine, Trigrams(Normalize(c.Content)))))
            .Where(x => x.s >= Threshold).OrderByDescending(x => x.s).Take(MaxShown).ToList();
        if (hits.Count == 0) return [];
        var taskIds = hits.Select(h => h.c.Id).ToList();
        var docIds = hits.Select(h => h.c.DocumentId).Distinct().ToList();
        var numbers = await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.NumberAndSymbol);
        var units = (await db.Assignments.AsNoTracking()
                .Where(a => taskIds.Contains(a.TaskId) && a.State != AssignmentState.Completed && a.State != AssignmentState.Cancelled)
                .Select(a => new { a.TaskId, a.LeadUnitId }).ToListAsync())
            .GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.Select(a => new UnitRef(a.LeadUnitId, unitNames.GetValueOrDefault(a.LeadUnitId, "?"))).ToList());
        return hits.Select(h => new SimilarTask(taskIndex, h.c.Id, h.c.Content, h.c.DocumentId, numbers.GetValueOrDefault(h.c.DocumentId, ""),
            units.GetValueOrDefault(h.c.Id, []), h.c.Deadline, Math.Round(h.s, 3), $"/assignments?DocumentId={h.c.DocumentId}")).ToList();
    }
}
