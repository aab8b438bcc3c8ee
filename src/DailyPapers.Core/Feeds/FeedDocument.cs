namespace DailyPapers.Core.Feeds;

/// <summary>A list of papers as a feed, whatever its format: what it is, where it lives, and its entries in order.</summary>
public sealed record FeedDocument
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The feed's own address (its id in Atom, its feed_url in JSON Feed).</summary>
    public required Uri Self { get; init; }

    /// <summary>The web page showing the same list.</summary>
    public required Uri Page { get; init; }

    /// <summary>The site's root, for the generator and icon links.</summary>
    public required Uri Site { get; init; }

    /// <summary>When the newest entry appeared or changed; the site's start when the feed is empty.</summary>
    public required DateTimeOffset Updated { get; init; }

    public required IReadOnlyList<FeedEntry> Entries { get; init; }
}
