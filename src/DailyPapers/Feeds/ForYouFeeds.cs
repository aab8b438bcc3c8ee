using DailyPapers.Api;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Feeds;

/// <summary>
/// <c>/feeds/for-you/{token}.{format}</c>: a reader's own list as a feed, at the secret address /for-you shows. Not
/// output-cached (it follows the reader's signals, not the store's counter) and private to shared caches.
/// </summary>
public static class ForYouFeeds
{
    /// <summary>How far down the list the feed's filters (min_votes, cat, code) look for its papers.</summary>
    public const int RankedForFilters = 500;

    public static IEndpointRouteBuilder MapForYouFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feeds/for-you/{token}.{format}", ["GET", "HEAD"], ForYouAsync)
            .WithTags(OpenApiDocs.FeedsTag)
            .WithName("getForYouFeed").WithSummary("A reader's own list")
            .WithDescription("At the secret address /for-you shows its reader: their list as it ranks now. Resetting the address there ends this one (404).")
            .WithQuery(FeedParameters.Documented)
            .ProducesFeed();
        return app;
    }

    public static string Path(string token, Core.Feeds.FeedFormat format) => $"/feeds/for-you/{token}.{Core.Feeds.FeedFormats.Extension(format)}";

    private static async Task<IResult> ForYouAsync(string token, string format, [AsParameters] FeedServices feed, PersonalFeeds feeds, ForYouRanker ranker)
    {
        if (FeedsApi.ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        if (await feeds.ReaderOfAsync(token, feed.Cancellation) is not { } user
            || await ranker.RankAsync(user, RankedForFilters, feed.Cancellation) is not { } list)
        {
            return DailyPapersApi.NotFound("No such feed: its address is not one this site gave out, or it was reset.");
        }

        var papers = list.Papers.Select(p => p.Paper).Where(parameters.Admits).Take(parameters.Limit);
        return await feed.AnswerAsync(feedFormat, "For you", "Recent papers ranked for you on DailyPapers.", "/for-you", papers, isPrivate: true);
    }
}
