using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>A recent paper that may go on a reader's list: the paper, its vector if embedded yet, and its trending score.</summary>
public sealed record ForYouCandidate(ListedPaper Paper, float[]? Vector, double Community);

/// <summary>A paper the reader liked, with its vector: what "close to X you saved" is measured against.</summary>
public sealed record LikedVector(string Id, PositiveSource Source, float[] Vector);

public enum ForYouReasonKind
{
    FollowedAuthor,
    CloseToLiked,
    LikedAuthor,
    FollowedCategory,
    Trending,
    New,
}

/// <summary>Why a paper is on the list: the strongest reason that holds, in a form the page words.</summary>
public sealed record ForYouReason(ForYouReasonKind Kind, string? Name = null, string? LikedId = null, PositiveSource Source = PositiveSource.Vote)
{
    /// <summary>The card's line; <paramref name="titleOf"/> names the liked paper of a "close to" reason.</summary>
    public string Text(Func<string, string?> titleOf) => Kind switch
    {
        ForYouReasonKind.FollowedAuthor => $"By {Name}, whom you follow",
        ForYouReasonKind.CloseToLiked => $"Close to “{Core.Papers.PaperText.Snippet(titleOf(LikedId!) ?? LikedId!, 90)}”, which you {Source switch { PositiveSource.Save => "saved", PositiveSource.Pick => "picked", _ => "upvoted" }}",
        ForYouReasonKind.LikedAuthor => $"By {Name}, an author of papers you liked",
        ForYouReasonKind.FollowedCategory => $"In {Name}, which you follow",
        ForYouReasonKind.Trending => "Trending",
        _ => "New",
    };
}

/// <summary>A paper on the reader's list, with its blended score and the reason shown on its card.</summary>
public sealed record ForYouPaper(ListedPaper Paper, double Score, string Reason);
