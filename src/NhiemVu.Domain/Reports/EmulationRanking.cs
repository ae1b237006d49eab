using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Reports;

/// <summary>
/// Weights an administrator sets for the annual emulation ranking (seed 002 art. 8.2: the results
/// are a criterion for each unit's evaluation and emulation). Rates enter as percentages (0–100);
/// counts are penalties per assignment.
/// </summary>
/// <param name="OnTimeRate">Points per percentage point of <see cref="GroupStatistics.OnTimeRate"/>.</param>
/// <param name="CompletionRate">Points per percentage point of <see cref="GroupStatistics.CompletionRate"/>.</param>
/// <param name="TimelyRate">Points per percentage point of <see cref="GroupStatistics.TimelyRate"/>.</param>
/// <param name="PerOverdue">Points off per assignment still overdue at the moment.</param>
/// <param name="PerCompletedLate">Points off per assignment completed late.</param>
/// <param name="PerMissingExplanation">Points off per overdue/late assignment without a giải trình.</param>
/// <param name="PerApprovedExtension">Points off per approved extension.</param>
public sealed record EmulationWeights(
    decimal OnTimeRate = 0.5m,
    decimal CompletionRate = 0m,
    decimal TimelyRate = 0.5m,
    decimal PerOverdue = 2m,
    decimal PerCompletedLate = 1m,
    decimal PerMissingExplanation = 3m,
    decimal PerApprovedExtension = 0.5m)
{
    public static readonly EmulationWeights Default = new();

    /// <summary>Largest weight an administrator may set (rates and penalties alike).</summary>
    public const decimal MaxWeight = 100m;

    /// <summary>The weights' names (camelCase, as the API and the form use them) with their values.</summary>
    public IEnumerable<(string Field, decimal Value)> Named() =>
    [
        ("onTimeRate", OnTimeRate), ("completionRate", CompletionRate), ("timelyRate", TimelyRate), ("perOverdue", PerOverdue),
        ("perCompletedLate", PerCompletedLate), ("perMissingExplanation", PerMissingExplanation), ("perApprovedExtension", PerApprovedExtension),
    ];

    /// <summary>
    /// The rules an administrator's weights must keep: each weight from 0 to <see cref="MaxWeight"/> with at most
    /// two decimals (a negative weight would reward overdue work or punish punctuality), and not all zero (every unit
    /// would score 0 and the ranking would be the tie-break alone). Throws <see cref="DomainValidationException"/>
    /// naming the first bad field.
    /// </summary>
    public EmulationWeights Validate()
    {
        foreach (var (field, v) in Named())
        {
            if (v < 0 || v > MaxWeight)
                throw new DomainValidationException(field, "Mỗi trọng số phải là một số từ 0 đến 100.");
            if (decimal.Round(v, 2) != v)
                throw new DomainValidationException(field, "Trọng số có tối đa 2 chữ số thập phân.");
        }
        if (Named().All(x => x.Value == 0))
            throw new DomainValidationException("weights", "Các trọng số không được đồng thời bằng 0: hãy đặt ít nhất một trọng số lớn hơn 0.");
        return this;
    }
}

/// <summary>A unit's place in the ranking. <see cref="Rank"/> is 1, 2, 3 … with no ties (see
/// <see cref="EmulationRanking.Rank"/> for the tie-break); <see cref="SharedRank"/> is the
/// competition rank by score alone (1, 1, 3 …) for display when ties should show.</summary>
public sealed record EmulationEntry(int Rank, int SharedRank, Guid UnitId, string UnitName, decimal Score, GroupStatistics Statistics);

public static class EmulationRanking
{
    /// <summary>
    /// Score = Σ rate weight × rate in % (a null rate — nothing to measure — counts as 0)
    /// − Σ count weight × count, rounded to 2 decimals. Ordered by score descending, then
    /// (deterministic tie-break) on-time rate descending (null last), fewer overdue, fewer missing
    /// explanations, fewer completed late, more assignments, unit name (ordinal), unit id.
    /// </summary>
    public static IReadOnlyList<EmulationEntry> Rank(
        IEnumerable<GroupStatistics> perUnit, IReadOnlyDictionary<Guid, string> unitNames, EmulationWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(perUnit);
        ArgumentNullException.ThrowIfNull(unitNames);
        var w = weights ?? EmulationWeights.Default;
        var scored = perUnit.Select(s =>
        {
            if (s.Key.Dimension != ReportDimension.Unit || s.Key.AsGuid() is not { } id)
                throw new ArgumentException("The ranking takes per-unit statistics.", nameof(perUnit));
            return (Id: id, Name: unitNames.TryGetValue(id, out var n) ? n : "", Stats: s, Score: Score(s, w));
        });
        var ordered = scored
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Stats.OnTimeRate ?? -1m)
            .ThenBy(x => x.Stats.InProgressOverdue)
            .ThenBy(x => x.Stats.MissingExplanation)
            .ThenBy(x => x.Stats.CompletedLate)
            .ThenByDescending(x => x.Stats.Total)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Id)
            .ToList();
        var result = new List<EmulationEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var x = ordered[i];
            var shared = i > 0 && ordered[i - 1].Score == x.Score ? result[i - 1].SharedRank : i + 1;
            result.Add(new EmulationEntry(i + 1, shared, x.Id, x.Name, x.Score, x.Stats));
        }
        return result;
    }

    /// <summary>The ranking for a calendar year: the year as the period, figures as of <paramref name="asOfUtc"/>
    /// (usually the evaluation's cut-off, e.g. the end of the year or the day the office closes the evaluation).</summary>
    public static IReadOnlyList<EmulationEntry> ForYear(
        int year, IEnumerable<ReportAssignment> assignments, DateTimeOffset asOfUtc,
        IReadOnlyDictionary<Guid, string> unitNames, EmulationWeights? weights = null, AsOfOptions? options = null) =>
        Rank(AsOfStatistics.Compute(assignments, ReportPeriod.Year(year), asOfUtc, options).By(ReportDimension.Unit), unitNames, weights);

    public static decimal Score(GroupStatistics s, EmulationWeights w)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(w);
        static decimal Pct(decimal? rate) => (rate ?? 0m) * 100m;
        var score = w.OnTimeRate * Pct(s.OnTimeRate) + w.CompletionRate * Pct(s.CompletionRate) + w.TimelyRate * Pct(s.TimelyRate)
            - w.PerOverdue * s.InProgressOverdue - w.PerCompletedLate * s.CompletedLate
            - w.PerMissingExplanation * s.MissingExplanation - w.PerApprovedExtension * s.ApprovedExtensions;
        return Math.Round(score, 2, MidpointRounding.AwayFromZero);
    }
}
