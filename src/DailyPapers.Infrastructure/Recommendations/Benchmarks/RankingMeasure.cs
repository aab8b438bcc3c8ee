using DailyPapers.Core.Search;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// Scores one reader-week's ranking: the week's papers by score, highest first, equal scores by paper id. Recall@10
/// and nDCG@10 as the search benchmarks compute them (binary relevance), and the reciprocal rank of the first relevant
/// paper anywhere in the list (its mean is the MRR).
/// </summary>
internal static class RankingMeasure
{
    public const int Cutoff = 10;

    public static (double Recall, double Ndcg, double ReciprocalRank) Score(IReadOnlyList<ListedPaper> papers, ReaderWeek week, double[] scores)
    {
        if (scores.Length != week.Candidates)
        {
            throw new ArgumentException($"Got {scores.Length} scores for {week.Candidates} papers.", nameof(scores));
        }

        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : string.CompareOrdinal(papers[week.CandidateStart + a].Id, papers[week.CandidateStart + b].Id);
        });
        var ranked = order.Select(i => papers[week.CandidateStart + i].Id).ToList();
        var relevance = week.Relevant.ToDictionary(id => id, _ => 1, StringComparer.Ordinal);
        var firstRelevant = ranked.FindIndex(week.Relevant.Contains);
        return (
            RetrievalMetrics.RecallAt(Cutoff, ranked, relevance),
            RetrievalMetrics.NdcgAt(Cutoff, ranked, relevance),
            firstRelevant < 0 ? 0 : 1.0 / (firstRelevant + 1));
    }

    /// <summary>The means over the reader-weeks at <paramref name="indices"/> of <paramref name="task"/>.</summary>
    public static MetricSet Mean(RecommendationTask task, IReadOnlyList<int> indices, Func<int, double[]> scoresOf)
    {
        if (indices.Count == 0)
        {
            return MetricSet.Empty;
        }

        var (recall, ndcg, rr) = (0d, 0d, 0d);
        foreach (var index in indices)
        {
            var (r, n, m) = Score(task.Papers, task.ReaderWeeks[index], scoresOf(index));
            (recall, ndcg, rr) = (recall + r, ndcg + n, rr + m);
        }

        var readers = indices.Select(i => task.ReaderWeeks[i].Reader).Distinct(StringComparer.Ordinal).Count();
        return new MetricSet(recall / indices.Count, ndcg / indices.Count, rr / indices.Count, indices.Count, readers);
    }
}
