using DailyPapers.Api;
using DailyPapers.Core.Feeds;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Feeds;

/// <summary>
/// <c>/feeds/alerts/{token}.{format}</c>: a saved-search alert as a feed, at the secret address its subscriber's
/// manage page shows — the papers of the recent listing days it matches, what its daily mail would carry. The token
/// is signed (<see cref="SubscriptionTokens.AlertFeed"/>); removing the alert ends the feed. Marked private so that
/// shared caches keep no copy.
/// </summary>
public static class AlertFeeds
{
    private const string NotFoundMessage = "No such feed: its address is not one this site gave out, or its alert was removed.";

    public static RouteGroupBuilder MapAlertFeeds(this RouteGroupBuilder feeds, string[] methods)
    {
        feeds.MapMethods("/alerts/{token}.{format}", methods, AlertAsync)
            .WithName("getAlertFeed").WithSummary("A saved-search alert")
            .WithDescription($"At the secret address the subscriber's manage page shows: the papers of the {FeedsApi.RecentDays} recent listing days " +
                "the alert matches. Private: shared caches keep no copy. Removing the alert ends the feed (404).")
            .WithQuery(FeedParameters.Documented)
            .ProducesFeed();
        return feeds;
    }

    /// <summary>The feed's address, relative to the site, in the format asked for.</summary>
    public static string Path(SubscriptionTokens tokens, SavedSearchEntity alert, SubscriptionEntity subscription, FeedFormat format) =>
        $"/feeds/alerts/{tokens.AlertFeed(alert, subscription)}.{FeedFormats.Extension(format)}";

    private static async Task<IResult> AlertAsync(
        string token, string format, [AsParameters] FeedServices feed, SubscriptionTokens tokens, StoreContextFactory store, PaperSearch search)
    {
        if (FeedsApi.ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        if (tokens.ReadAlertFeed(token) is not var (alertId, secret))
        {
            return DailyPapersApi.NotFound(NotFoundMessage);
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        SavedSearchEntity? alert;
        await using (var context = store.CreateContext())
        {
            alert = await context.SavedSearches.AsNoTracking()
                .Where(a => a.Id == alertId && context.Subscriptions.Any(s => s.Id == a.SubscriptionId && s.TokenSecret == secret))
                .FirstOrDefaultAsync(feed.Cancellation);
        }

        if (alert is null)
        {
            return DailyPapersApi.NotFound(NotFoundMessage);
        }

        var described = alert.Query.Length > 0 ? $"\"{alert.Query}\"" : "any paper";
        if (alert.Categories.Length > 0)
        {
            described += $" in {alert.Categories}";
        }

        if (alert.MinVotes > 0)
        {
            described += $" with at least {alert.MinVotes} votes";
        }

        IReadOnlyList<string> ids = [];
        if (await feed.Reader.LatestListingDayAsync(feed.Cancellation) is { } latest)
        {
            var period = new ListingPeriod(ListingPeriodKind.Week, latest.AddDays(1 - FeedsApi.RecentDays), latest);
            ids = await AlertMatches.FindAsync(search, feed.Reader, alert, period, parameters.Limit, feed.Cancellation);
        }

        var papers = await feed.Reader.FindManyAsync(ids, feed.Cancellation);
        var page = "/search" + QueryString.Create(new KeyValuePair<string, string?>[] { new("q", alert.Query), new("cat", alert.Categories), new("sort", "newest") });
        return await feed.AnswerAsync(feedFormat, $"Alert: {described}",
            $"Papers listed on DailyPapers in the last {FeedsApi.RecentDays} listing days that match {described}.", page, papers, isPrivate: true);
    }
}
