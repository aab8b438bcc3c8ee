using System.Numerics.Tensors;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Recommendations;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>
/// Ranks a reader's candidates: <see cref="ReaderRanking"/> (their model, the authors of what they liked, trending, by
/// the reader's blend), plus a lift for followed authors and categories. Each card gets one reason, the strongest
/// that is true.
/// </summary>
public static class ForYouScoring
{
    /// <summary>In standard deviations of the personal score: a followed author lifts a paper more than a category.</summary>
    public const double AuthorBoost = 1.5;

    public const double CategoryBoost = 0.5;

    /// <summary>The cosine similarity above which "close to X you saved" is said; below it the paper is not close to any one.</summary>
    public const double CloseEnough = 0.45;

    public static IReadOnlyList<(ListedPaper Paper, double Score, ForYouReason Reason)> Rank(
        IReadOnlyList<ForYouCandidate> candidates,
        ReaderModel? model,
        IReadOnlyList<FollowedName> follows,
        IReadOnlyList<LikedVector> liked,
        int personalWeight,
        int take)
    {
        // The reader's model and the authors of what they liked, blended with trending as the offline evaluation
        // measured it (ReaderRanking); with no model yet, trending alone, the follows below lifting their papers.
        var personal = Math.Clamp(personalWeight, 0, 100) / 100.0;
        var community = candidates.Select(c => c.Community).ToArray();
        var scores = model is not null
            ? ReaderRanking.Score(
                model.Model,
                model.Authors,
                [.. candidates.Select(c => new CandidatePaper(c.Vector ?? ReadOnlyMemory<float>.Empty, c.Paper.Authors))],
                community,
                1 - personal,
                ReaderModelOptions.Chosen)
            : personal == 1 ? new double[candidates.Count] : ScoreBlend.Blend(new double[candidates.Count], community, 1 - personal);

        var authors = follows.Where(f => f.Kind == FollowKind.Author).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        var categories = follows.Where(f => f.Kind == FollowKind.Category).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        var followedAuthor = new string?[candidates.Count];
        var followedCategory = new string?[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var paper = candidates[i].Paper;
            followedAuthor[i] = paper.Authors.Select(a => authors.GetValueOrDefault(AuthorKey.Of(a))).FirstOrDefault(label => label is not null);
            followedCategory[i] = paper.Categories.Select(c => categories.GetValueOrDefault(c.ToLowerInvariant())).FirstOrDefault(label => label is not null);
            // Follows are the reader's own word: they count as much as the personal side of the blend does.
            scores[i] += personal * ((followedAuthor[i] is null ? 0 : AuthorBoost) + (followedCategory[i] is null ? 0 : CategoryBoost));
        }

        return [.. Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i])
            .ThenByDescending(i => candidates[i].Paper.Votes)
            .ThenBy(i => candidates[i].Paper.Id, StringComparer.Ordinal)
            .Take(take)
            .Select(i => (candidates[i].Paper, scores[i], Reason(candidates[i], followedAuthor[i], followedCategory[i], liked, model?.Authors, personalWeight)))];
    }

    private static ForYouReason Reason(
        ForYouCandidate candidate, string? author, string? category, IReadOnlyList<LikedVector> liked, AuthorAffinity? likedAuthors, int personalWeight)
    {
        if (author is not null)
        {
            return new ForYouReason(ForYouReasonKind.FollowedAuthor, author);
        }

        if (personalWeight > 0 && candidate.Vector is { } vector && Closest(vector, liked) is { } close)
        {
            return new ForYouReason(ForYouReasonKind.CloseToLiked, LikedId: close.Id, Source: close.Source);
        }

        if (personalWeight > 0 && likedAuthors is not null
            && candidate.Paper.Authors.FirstOrDefault(a => likedAuthors.Authors.ContainsKey(AuthorAffinity.Normalize(a))) is { } known)
        {
            return new ForYouReason(ForYouReasonKind.LikedAuthor, known);
        }

        if (category is not null)
        {
            return new ForYouReason(ForYouReasonKind.FollowedCategory, category);
        }

        return new ForYouReason(candidate.Paper.Votes > 0 ? ForYouReasonKind.Trending : ForYouReasonKind.New);
    }

    private static LikedVector? Closest(float[] vector, IReadOnlyList<LikedVector> liked)
    {
        LikedVector? best = null;
        var bestScore = CloseEnough;
        foreach (var paper in liked)
        {
            // Unit vectors: the dot product is the cosine.
            var score = TensorPrimitives.Dot(vector, paper.Vector);
            if (score > bestScore)
            {
                (best, bestScore) = (paper, score);
            }
        }

        return best;
    }
}
