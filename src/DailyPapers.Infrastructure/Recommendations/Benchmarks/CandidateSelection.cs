using System.Globalization;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// Picks the product's setting among the candidates, looking at the tuning half only. The best nDCG@10 wins unless
/// others are within noise of it: within two standard errors of the paired per-reader-week differences. Among such
/// ties the candidate whose classifier alone ranks best wins, because in the product most of a reader's likes are
/// other people's papers, where the vectors must carry the ranking that authors carry here.
/// </summary>
internal static class CandidateSelection
{
    public static (Candidate? Chosen, string Note) Choose(Halves halves, IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0 || halves.TuningCount == 0)
        {
            return (null, "");
        }

        var best = candidates.Aggregate((a, b) => b.Result.Tuning.Ndcg10 > a.Result.Tuning.Ndcg10 ? b : a);
        var bestWeeks = halves.TuningNdcgPerWeek(best.Scores);
        var tied = candidates.Where(c => c == best || WithinNoise(bestWeeks, halves.TuningNdcgPerWeek(c.Scores))).ToList();
        var chosen = tied.Aggregate((a, b) => b.ClassifierTuningNdcg > a.ClassifierTuningNdcg ? b : a);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"best on the tuning half: {best.Result.Name} ({best.Result.Tuning.Ndcg10:0.0000}); within two paired standard errors of it: {string.Join(", ", tied.Select(c => $"{c.Result.Name} ({c.Result.Tuning.Ndcg10:0.0000}, classifier alone {c.ClassifierTuningNdcg:0.0000})"))}; chosen: {chosen.Result.Name}, the best classifier alone among them");
        return (chosen, note);
    }

    /// <summary>True when the mean of a − b is less than two standard errors of those paired differences.</summary>
    private static bool WithinNoise(double[] a, double[] b)
    {
        var differences = a.Zip(b, (x, y) => x - y).ToArray();
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, differences.Length - 1);
        return mean < 2 * Math.Sqrt(variance / differences.Length);
    }
}
