using DailyPapers.Core.Listings;

namespace DailyPapers.Pages;

/// <summary>A list of paper cards (listing, trending): the papers, the number of the first, and a badge for the top one.</summary>
/// <param name="TopBadge">"#1 paper of the week" on the first card, or null.</param>
public sealed record PaperListView(IReadOnlyList<ListedPaper> Papers, int Start, string? TopBadge)
{
    /// <summary>Why each paper is on a reader's own list ("by Ada Lovelace, whom you follow"), by paper id; null elsewhere.</summary>
    public IReadOnlyDictionary<string, string>? Reasons { get; init; }

    /// <summary>A "More like this" button on each card (the reader's own list).</summary>
    public bool OffersMoreLikeThis { get; init; }
}
