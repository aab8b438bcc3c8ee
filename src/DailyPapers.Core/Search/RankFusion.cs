namespace DailyPapers.Core.Search;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each id scores Σ w / (k + rank) over the
/// lists it appears in, ranks starting at 1. It needs no score calibration between lexical and vector results.
/// </summary>
public static class RankFusion
{
    /// <summary>The constant from the paper; larger values flatten the advantage of the very first ranks.</summary>
    public const int DefaultK = 60;

    /// <summary>
    /// Fuses ranked id lists into the best <paramref name="limit"/> ids. An id repeated within one list counts at its
    /// best rank. Equal scores go to the id with the better best rank, then by ordinal id, so output is stable.
    /// </summary>
    /// <param name="weights">One weight per list (default 1 each), to trust one retriever more than another.</param>
    public static IReadOnlyList<string> Fuse(
        IReadOnlyList<IReadOnlyList<string>> rankedLists, int limit, int k = DefaultK, IReadOnlyList<double>? weights = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (weights is not null && weights.Count != rankedLists.Count)
        {
            throw new ArgumentException($"Got {weights.Count} weights for {rankedLists.Count} lists.", nameof(weights));
        }

        if (limit <= 0)
        {
            return [];
        }

        var fused = new Dictionary<string, (double Score, int BestRank)>(StringComparer.Ordinal);
        for (var list = 0; list < rankedLists.Count; list++)
        {
            var weight = weights?[list] ?? 1.0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var ranked = rankedLists[list];
            for (var i = 0; i < ranked.Count; i++)
            {
                var id = ranked[i];
                if (string.IsNullOrEmpty(id) || !seen.Add(id))
                {
                    continue;
                }

                var rank = i + 1;
                var (score, bestRank) = fused.GetValueOrDefault(id, (0.0, int.MaxValue));
                fused[id] = (score + (weight / (k + rank)), Math.Min(bestRank, rank));
            }
        }

        return [.. fused
            .OrderByDescending(pair => pair.Value.Score)
            .ThenBy(pair => pair.Value.BestRank)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(pair => pair.Key)];
    }

    /// <summary>
    /// Puts <paramref name="first"/> (exact id or exact title matches, in that order) ahead of
    /// <paramref name="ranked"/>, each id once, cut to <paramref name="limit"/>. Ids in <paramref name="first"/> need
    /// not be in <paramref name="ranked"/>: a paper named by id goes first even if retrieval missed it.
    /// </summary>
    public static IReadOnlyList<string> PutFirst(IReadOnlyList<string> ranked, IEnumerable<string> first, int limit) =>
        limit <= 0 ? [] : [.. first.Concat(ranked).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).Take(limit)];
}
