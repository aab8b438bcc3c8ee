using DailyPapers.Core.Feeds;

namespace DailyPapers.Feeds;

/// <summary>
/// A feed a page offers: the layout writes its <c>&lt;link rel="alternate"&gt;</c> tags (one per format, for feed
/// readers' autodiscovery) and the feed links at the foot of the page.
/// </summary>
/// <param name="Path">The feed's address without its extension (<c>/feeds/daily</c>).</param>
/// <param name="Query">Its query string, with the leading <c>?</c>, or empty.</param>
public sealed record FeedLink(string Title, string Path, string Query = "")
{
    /// <summary>The ViewData key under which a page lists its feeds.</summary>
    public const string ViewDataKey = "Feeds";

    public string Href(FeedFormat format) => $"{Path}.{FeedFormats.Extension(format)}{Query}";
}
