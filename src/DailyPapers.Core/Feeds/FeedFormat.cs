namespace DailyPapers.Core.Feeds;

/// <summary>The syndication formats every list is offered in; the file extension in a feed's address picks one.</summary>
public enum FeedFormat
{
    /// <summary>RSS 2.0 (rssboard.org), with arXiv's own item conventions (guid, dc:creator, categories).</summary>
    Rss,

    /// <summary>Atom 1.0 (RFC 4287), with arXiv's API extensions (arxiv:primary_category, arxiv:doi).</summary>
    Atom,

    /// <summary>JSON Feed 1.1 (jsonfeed.org).</summary>
    Json,
}
