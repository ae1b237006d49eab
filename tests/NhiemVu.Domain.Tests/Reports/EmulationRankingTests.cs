using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Reports;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Reports;

public class EmulationRankingTests
{
    private static GroupStatistics Unit(Guid id, int early = 0, int onTime = 0, int late = 0, int within = 0, int overdue = 0,
        int missing = 0, int extensions = 0) =>
        new(new GroupKey(ReportDimension.Unit, id.ToString("D")), early + onTime + late + within + overdue,
            early, onTime, late, within, overdue, 0, 0, 0, 0, extensions, extensions, missing);

    private static readonly Dictionary<Guid, string> Names = new()
    {
        [UnitA] = "Sở Xây dựng", [UnitB] = "Sở Tài chính", [UnitC] = "Sở Y tế",
    };

    [Fact]
    public void Emulation_score_follows_the_administrators_weights()
    {
        var good = Unit(UnitA, early: 8, onTime: 2);                       // 100 % on time
        var poor = Unit(UnitB, onTime: 5, late: 5, overdue: 2, missing: 2); // 50 %, penalties
        var w = new EmulationWeights(OnTimeRate: 1, CompletionRate: 0, TimelyRate: 0, PerOverdue: 5, PerCompletedLate: 0,
            PerMissingExplanation: 10, PerApprovedExtension: 0);
        Assert.Equal(100m, EmulationRanking.Score(good, w));
        Assert.Equal(50m - 10m - 20m, EmulationRanking.Score(poor, w));

        var ranking = EmulationRanking.Rank([poor, good], Names, w);
        Assert.Equal([UnitA, UnitB], ranking.Select(e => e.UnitId));
        Assert.Equal([1, 2], ranking.Select(e => e.Rank));
        Assert.Equal("Sở Xây dựng", ranking[0].UnitName);
    }

    [Fact]
    public void Emulation_ranking_breaks_ties_deterministically()
    {
        var w = new EmulationWeights(OnTimeRate: 0, CompletionRate: 0, TimelyRate: 0, PerOverdue: 0, PerCompletedLate: 0,
            PerMissingExplanation: 0, PerApprovedExtension: 0); // every score is 0
        var a = Unit(UnitA, onTime: 1, late: 1);     // 50 % on time
        var b = Unit(UnitB, onTime: 2);              // 100 %
        var c = Unit(UnitC, onTime: 2, overdue: 1);  // 100 %, but one overdue
        var one = EmulationRanking.Rank([a, b, c], Names, w);
        var two = EmulationRanking.Rank([c, a, b], Names, w);
        Assert.Equal([UnitB, UnitC, UnitA], one.Select(e => e.UnitId));
        Assert.Equal(one, two);
        Assert.All(one, e => Assert.Equal(1, e.SharedRank));

        // Identical figures: by name (ordinal), then id.
        var x = Unit(UnitA, onTime: 1);
        var y = Unit(UnitB, onTime: 1);
        Assert.Equal([UnitB, UnitA], EmulationRanking.Rank([x, y], Names, w).Select(e => e.UnitId)); // "Sở T…" < "Sở X…"
    }

    [Fact]
    public void Emulation_ranking_for_a_year_uses_the_year_as_the_period()
    {
        var a = Assignment.Create(Guid.NewGuid(), UnitA, D(2025, 6, 30), Local(2025, 1, 10), Office);
        a.SubmitReport(Report() with { DocumentDate = D(2025, 6, 1) }, "k", Local(2025, 6, 1), FocalA);
        a.Review(true, null, Local(2025, 6, 2), Office);
        var b = Assignment.Create(Guid.NewGuid(), UnitB, D(2025, 6, 30), Local(2025, 1, 10), Office);
        var nextYear = Assignment.Create(Guid.NewGuid(), UnitC, D(2026, 1, 15), Local(2025, 12, 1), Office);
        var ranking = EmulationRanking.ForYear(2025, [AsOfStatisticsTests.In(a), AsOfStatisticsTests.In(b), AsOfStatisticsTests.In(nextYear)],
            Local(2025, 12, 31, 23, 59), Names);
        Assert.Equal([UnitA, UnitB], ranking.Select(e => e.UnitId));
        Assert.True(ranking[0].Score > ranking[1].Score);
    }

    [Fact]
    public void Emulation_weights_are_numbers_from_0_to_100_with_two_decimals_and_not_all_zero()
    {
        Assert.Same(EmulationWeights.Default, EmulationWeights.Default.Validate());
        new EmulationWeights(100, 0, 0, 0, 0, 0, 0.01m).Validate();
        void Refused(EmulationWeights w, string field) =>
            Assert.Equal(field, Assert.Throws<NhiemVu.Domain.Common.DomainValidationException>(() => w.Validate()).Field);
        Refused(EmulationWeights.Default with { PerOverdue = -1 }, "perOverdue");
        Refused(EmulationWeights.Default with { OnTimeRate = 100.5m }, "onTimeRate");
        Refused(EmulationWeights.Default with { PerApprovedExtension = 0.125m }, "perApprovedExtension");
        Refused(new EmulationWeights(0, 0, 0, 0, 0, 0, 0), "weights");
    }
}
