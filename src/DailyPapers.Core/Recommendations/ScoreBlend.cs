namespace DailyPapers.Core.Recommendations;

/// <summary>
/// Puts a reader's personal scores beside a community score (votes, trending) over the same candidate papers. The two
/// have unrelated scales, so each is standardised over the candidates (z-scores) before the weighted sum; a constant
/// list contributes nothing.
/// </summary>
public static class ScoreBlend
{
    /// <param name="communityWeight">0 ranks by the personal score alone, 1 by the community score alone.</param>
    public static double[] Blend(ReadOnlySpan<double> personal, ReadOnlySpan<double> community, double communityWeight)
    {
        if (personal.Length != community.Length)
        {
            throw new ArgumentException($"Got {personal.Length} personal scores and {community.Length} community scores.", nameof(community));
        }

        if (!(communityWeight >= 0 && communityWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(communityWeight), communityWeight, "The community weight must be between 0 and 1.");
        }

        var own = Standardise(personal);
        var theirs = Standardise(community);
        var blended = new double[personal.Length];
        for (var i = 0; i < blended.Length; i++)
        {
            blended[i] = ((1 - communityWeight) * own[i]) + (communityWeight * theirs[i]);
        }

        return blended;
    }

    /// <summary>(x − mean) / standard deviation over the list; all zeros when the list is constant.</summary>
    public static double[] Standardise(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        if (scores.Length == 0)
        {
            return result;
        }

        var mean = 0d;
        foreach (var score in scores)
        {
            mean += score;
        }

        mean /= scores.Length;
        var variance = 0d;
        foreach (var score in scores)
        {
            variance += (score - mean) * (score - mean);
        }

        var deviation = Math.Sqrt(variance / scores.Length);
        if (deviation == 0 || double.IsNaN(deviation))
        {
            return result;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = (scores[i] - mean) / deviation;
        }

        return result;
    }
}
