namespace DailyPapers.Core.Recommendations;

/// <summary>
/// The "for you" score of a list of papers for one reader, as the offline evaluation measured it: the model's score
/// blended with the reader's <see cref="AuthorAffinity"/> into a personal score, then with the community's score
/// (trending, votes) by the reader's setting, each step by <see cref="ScoreBlend"/> over the list. A paper without a
/// vector yet gets the list's mean model score, so only its authors and the community rank it.
/// </summary>
public static class ReaderRanking
{
    /// <param name="community">One community score per paper, higher is better (e.g. the trending score).</param>
    /// <param name="communityWeight">The reader's setting, 0 to 1; <see cref="ReaderModelOptions.CommunityWeight"/> until they choose.</param>
    public static double[] Score(
        LinearModel model,
        AuthorAffinity authors,
        IReadOnlyList<CandidatePaper> papers,
        ReadOnlySpan<double> community,
        double communityWeight,
        ReaderModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(authors);
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(options);
        var modelScores = new double[papers.Count];
        var (sum, scored) = (0d, 0);
        for (var i = 0; i < papers.Count; i++)
        {
            if (!papers[i].Vector.IsEmpty)
            {
                modelScores[i] = model.Score(papers[i].Vector.Span);
                (sum, scored) = (sum + modelScores[i], scored + 1);
            }
        }

        var mean = scored == 0 ? 0 : sum / scored;
        var affinity = new double[papers.Count];
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i].Vector.IsEmpty)
            {
                modelScores[i] = mean;
            }

            affinity[i] = authors.Score(papers[i].Authors);
        }

        var personal = options.AuthorWeight == 0 ? modelScores : ScoreBlend.Blend(modelScores, affinity, options.AuthorWeight);
        return communityWeight == 0 ? personal : ScoreBlend.Blend(personal, community, communityWeight);
    }
}
