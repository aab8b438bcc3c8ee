namespace DailyPapers.Core.Feeds;

/// <summary>The XML namespaces the RSS and Atom feeds use beside their own.</summary>
public static class FeedNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>arXiv's extension namespace (its API's Atom and its RSS feeds): primary_category, doi, comment, journal_ref.</summary>
    public const string Arxiv = "http://arxiv.org/schemas/atom";

    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The Slash module's comment count, which feed readers show beside an item.</summary>
    public const string Slash = "http://purl.org/rss/1.0/modules/slash/";

    /// <summary>
    /// Ours, for what no standard carries (votes). A name, not an address: XML namespaces need only be unique, and
    /// a self-hosted service has no domain of its own to mint one under.
    /// </summary>
    public const string DailyPapers = "urn:dailypapers:feed:1";
}
