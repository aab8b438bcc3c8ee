using DailyPapers.Core.Recommendations;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// A classifier's scores blended by <see cref="ScoreBlend"/>, first with the reader's <see cref="AuthorAffinity"/>
/// (weight γ) into a personal score, then with the community's log(1 + upvotes) (weight β). The weights are either
/// given or chosen as the best nDCG@10 on the tuning half over every pair of the grid (the smaller γ, then the
/// smaller β, on a tie).
/// </summary>
internal sealed class BlendTuning(RecommendationTask task, Halves halves, double[] community, MethodRun authors, IReadOnlyList<double> weights)
{
    public (MethodResult Result, Func<int, double[]> Scores) Best(string name, string kind, string settings, MethodRun run, bool withAuthors, bool withVotes)
    {
        IReadOnlyList<double> authorWeights = withAuthors ? weights : [0];
        IReadOnlyList<double> voteWeights = withVotes ? weights : [0];
        var best = authorWeights
            .SelectMany(gamma => voteWeights.Select(beta => (Gamma: gamma, Beta: beta)))
            .Select(pair => (pair.Gamma, pair.Beta, Ndcg: halves.Tuning(w => Blended(run, w, pair.Gamma, pair.Beta)).Ndcg10))
            .Aggregate((a, b) => b.Ndcg > a.Ndcg ? b : a);
        return (At(name, kind, settings, run, best.Gamma, best.Beta, chosenOnTuning: true), w => Blended(run, w, best.Gamma, best.Beta));
    }

    public MethodResult At(string name, string kind, string settings, MethodRun run, double authorWeight, double communityWeight, bool chosenOnTuning = false)
    {
        var tuned = chosenOnTuning ? " (chosen on the tuning half)" : "";
        var described = settings
            + (authorWeight > 0 ? ReaderModelSettings.Format($"; with {authorWeight} × author affinity{tuned}") : "")
            + (communityWeight > 0 ? ReaderModelSettings.Format($"; blended with {communityWeight} × votes{tuned}") : "");
        return halves.Result(name, kind, described, w => Blended(run, w, authorWeight, communityWeight), run);
    }

    private double[] Blended(MethodRun run, int readerWeek, double authorWeight, double communityWeight)
    {
        var week = task.ReaderWeeks[readerWeek];
        var personal = authorWeight == 0 ? run.Scores[readerWeek] : ScoreBlend.Blend(run.Scores[readerWeek], authors.Scores[readerWeek], authorWeight);
        return communityWeight == 0 ? personal : ScoreBlend.Blend(personal, community.AsSpan(week.CandidateStart, week.Candidates), communityWeight);
    }
}
