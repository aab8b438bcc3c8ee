using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class RetrievalMetricsTests
{
    private static readonly Dictionary<string, int> Graded = new() { ["d1"] = 2, ["d2"] = 1, ["d3"] = 1 };

    [Fact]
    public void NdcgAt_GradedJudgements_MatchesHandComputation()
    {
        // DCG@3 = 1/log2(2) + 0 + 2/log2(4) = 2; IDCG@3 = 2 + 1/log2(3) + 1/log2(4) = 3.1309
        Assert.Equal(0.638788, RetrievalMetrics.NdcgAt(3, ["d2", "x", "d1", "d3"], Graded), 6);
    }

    [Fact]
    public void NdcgAt_CutoffBeyondTheRanking_CountsEveryRetrievedDocument()
    {
        // DCG@10 = 2 + 1/log2(5) = 2.4307; IDCG@10 = 3.1309
        Assert.Equal(0.776343, RetrievalMetrics.NdcgAt(10, ["d2", "x", "d1", "d3"], Graded), 6);
    }

    [Fact]
    public void NdcgAt_GainIsRelevanceNotExponential()
    {
        // Linear: (1 + 3/log2(3)) / (3 + 1/log2(3)) = 0.7967; 2^rel − 1 would give 0.7098.
        var relevance = new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 };

        Assert.Equal(0.796708, RetrievalMetrics.NdcgAt(10, ["b", "a"], relevance), 6);
    }

    [Fact]
    public void NdcgAt_IdealRanking_IsOne() =>
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(10, ["d1", "d2", "d3"], Graded), 12);

    [Fact]
    public void NdcgAt_RelevantDocumentsMissing_LowerTheIdealNotTheCeiling()
    {
        // Only d1 retrieved, at rank 1: 2 / 3.1309.
        Assert.Equal(0.638788, RetrievalMetrics.NdcgAt(10, ["d1"], Graded), 6);
    }

    [Fact]
    public void NdcgAt_NothingRelevant_IsZero() =>
        Assert.Equal(0.0, RetrievalMetrics.NdcgAt(10, ["a"], new Dictionary<string, int> { ["a"] = 0 }));

    [Fact]
    public void NdcgAt_NegativeRelevance_CountsAsZero()
    {
        var relevance = new Dictionary<string, int> { ["a"] = -1, ["b"] = 1 };

        Assert.Equal(0.630930, RetrievalMetrics.NdcgAt(10, ["a", "b"], relevance), 6);
    }

    [Fact]
    public void NdcgAt_RepeatedId_CountsOnce() =>
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(10, ["d1", "d1", "d2", "d3"], Graded), 12);

    [Fact]
    public void NdcgAt_ZeroCutoff_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalMetrics.NdcgAt(0, ["a"], Graded));

    [Theory]
    [InlineData(1, 1.0 / 3)]
    [InlineData(2, 1.0 / 3)]
    [InlineData(3, 2.0 / 3)]
    [InlineData(100, 2.0 / 3)]
    public void RecallAt_CountsRelevantInTopK(int k, double expected)
    {
        // z is judged but not relevant; c is never retrieved.
        var relevance = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 1, ["z"] = 0 };

        Assert.Equal(expected, RetrievalMetrics.RecallAt(k, ["a", "z", "b", "y"], relevance), 12);
    }

    [Fact]
    public void RecallAt_NothingRelevant_IsZero() =>
        Assert.Equal(0.0, RetrievalMetrics.RecallAt(10, ["a"], new Dictionary<string, int>()));

    [Theory]
    [InlineData(10, 1.0 / 3)]
    [InlineData(3, 1.0 / 3)]
    [InlineData(2, 0.0)]
    public void ReciprocalRankAt_ThirdPlace_IsAThirdWithinTheCutoff(int k, double expected) =>
        Assert.Equal(expected, RetrievalMetrics.ReciprocalRankAt(k, ["x", "y", "sought", "z"], "sought"), 12);

    [Fact]
    public void ReciprocalRankAt_First_IsOne() =>
        Assert.Equal(1.0, RetrievalMetrics.ReciprocalRankAt(10, ["sought"], "sought"));

    [Fact]
    public void ReciprocalRankAt_Absent_IsZero() =>
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAt(10, ["x", "y"], "sought"));
}
