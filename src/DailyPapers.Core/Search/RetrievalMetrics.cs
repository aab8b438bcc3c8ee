namespace DailyPapers.Core.Search;

/// <summary>
/// Ranking quality measures as BEIR reports them through pytrec_eval (trec_eval's ndcg_cut and recall): gain is the
/// judged relevance itself (not 2^rel − 1), the discount is log2(rank + 1), and the ideal ranking is built from all
/// judgements, retrieved or not. Relevance 0 or less counts as not relevant. An id repeated in a ranking counts only
/// at its first position. trec_eval itself re-sorts runs by score and breaks ties by document id, so a run with tied
/// scores can differ from it slightly; these functions take the ranking as given.
/// </summary>
public static class RetrievalMetrics
{
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var ideal = relevance.Values.Where(rel => rel > 0).OrderDescending().Take(k)
            .Select((rel, i) => rel / Discount(i + 1)).Sum();
        if (ideal == 0)
        {
            return 0;
        }

        var dcg = TopK(k, ranked).Select((id, i) => Gain(relevance, id) / Discount(i + 1)).Sum();
        return dcg / ideal;
    }

    /// <summary>The fraction of relevant ids (relevance above 0) found in the first <paramref name="k"/>.</summary>
    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var relevant = relevance.Count(pair => pair.Value > 0);
        return relevant == 0 ? 0 : (double)TopK(k, ranked).Count(id => Gain(relevance, id) > 0) / relevant;
    }

    /// <summary>1 / rank of the one sought id within the first <paramref name="k"/>, or 0: averaged, it is MRR@k.</summary>
    public static double ReciprocalRankAt(int k, IReadOnlyList<string> ranked, string relevantId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var rank = 1;
        foreach (var id in TopK(k, ranked))
        {
            if (string.Equals(id, relevantId, StringComparison.Ordinal))
            {
                return 1.0 / rank;
            }

            rank++;
        }

        return 0;
    }

    private static double Discount(int rank) => Math.Log2(rank + 1);

    private static int Gain(IReadOnlyDictionary<string, int> relevance, string id) =>
        relevance.TryGetValue(id, out var rel) && rel > 0 ? rel : 0;

    private static IEnumerable<string> TopK(int k, IReadOnlyList<string> ranked) =>
        ranked.Distinct(StringComparer.Ordinal).Take(k);
}
