using DailyPapers.Core.Papers;
using DailyPapers.Core.Ranking;
using DailyPapers.Pages;

namespace DailyPapers.Feeds;

/// <summary>The feed each kind of page offers: the same list, kept current by the reader's feed app.</summary>
public static class FeedLinks
{
    public static FeedLink Daily(ListingSource? source) => source is { } only
        ? new FeedLink($"Daily papers ({SourceLabels.Of(only)})", "/feeds/daily", "?source=" + only.ToString().ToLowerInvariant())
        : new FeedLink("Daily papers", "/feeds/daily");

    public static FeedLink Trending(TrendingWindow window) =>
        new($"Trending this {Core.Ranking.Trending.Key(window)}", "/feeds/trending", "?window=" + Core.Ranking.Trending.Key(window));

    /// <summary>The search's own parameters, without the page; newest first unless the search named another order.</summary>
    public static FeedLink Search(SearchParameters parameters)
    {
        var href = parameters.Href();
        var query = href.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? href[at..] : "";
        var title = parameters.HasQuery ? $"Search: {PaperText.Snippet(PaperText.SingleLine(parameters.Text), 60)}" : "Search";
        return new FeedLink(title, "/feeds/search", query);
    }
}
