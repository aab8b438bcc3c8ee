namespace DailyPapers.Core.Feeds;

/// <summary>Each format's file extension and media type, and the writer that renders a feed in it.</summary>
public static class FeedFormats
{
    public static IReadOnlyList<FeedFormat> All { get; } = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    public static string Extension(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };

    public static string MediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Atom => "application/atom+xml",
        _ => "application/feed+json",
    };

    /// <summary>The name readers see in a feed picker.</summary>
    public static string Label(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        _ => "JSON Feed",
    };

    public static bool TryParse(string? extension, out FeedFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(extension, Extension(candidate), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The feed as UTF-8 bytes in the format asked for.</summary>
    public static byte[] Write(FeedDocument feed, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssFeedWriter.Write(feed),
        FeedFormat.Atom => AtomFeedWriter.Write(feed),
        _ => JsonFeedWriter.Write(feed),
    };
}
