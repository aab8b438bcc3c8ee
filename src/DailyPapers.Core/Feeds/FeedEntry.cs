using System.Globalization;
using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Feeds;

/// <summary>One paper in a feed, with its page on this site and the times a reader's feed app sorts by.</summary>
public sealed record FeedEntry(ListedPaper Paper, Uri Page, DateTimeOffset Published, DateTimeOffset Updated)
{
    /// <summary>arXiv's own identifier scheme for the version: <c>oai:arXiv.org:2506.01234v2</c>.</summary>
    /// <remarks>
    /// The same guid as arXiv's RSS and Atom feeds give the item, so a reader subscribed to both sees one paper once;
    /// a new version is a new item, as on arXiv.
    /// </remarks>
    public string ItemId => "oai:arXiv.org:" + VersionedId;

    /// <summary>The arXiv id with its version (<c>2506.01234v2</c>), or without when the version is not known.</summary>
    public string VersionedId => Paper.Version > 0 ? Paper.Id + "v" + Paper.Version.ToString(CultureInfo.InvariantCulture) : Paper.Id;

    /// <summary>The link to this paper's discussion on its page here.</summary>
    public Uri Discussion => new(Page, "#discussion");

    /// <summary>
    /// An entry for a listed paper: published when it was listed (the moment it appeared in the list), or submitted
    /// when no listing time is known; updated when arXiv last revised it, if later.
    /// </summary>
    public static FeedEntry Of(ListedPaper paper, Uri page)
    {
        var published = paper.ListedAt
            ?? (paper.ListedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null)
            ?? paper.SubmittedAt
            ?? DateTimeOffset.UnixEpoch;
        var updated = paper.UpdatedAt is { } revised && revised > published ? revised : published;
        return new FeedEntry(paper, page, published, updated);
    }
}
