using DailyPapers.Api;
using DailyPapers.Core.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Pages.Collections;

namespace DailyPapers.Feeds;

/// <summary>
/// <c>/feeds/users/{handle}/collections/{slug}.{format}</c>: a public collection as a feed, in its owner's order. Not
/// output-cached: a collection changes without the store's change counter moving (signals are not papers), and a
/// collection made private must stop answering at once.
/// </summary>
public static class CollectionFeeds
{
    public static IEndpointRouteBuilder MapCollectionFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feeds/users/{handle}/collections/{slug}.{format}", ["GET", "HEAD"], CollectionAsync)
            .RequireCors(DailyPapersApi.ReadFromAnyOrigin)
            .WithTags(OpenApiDocs.FeedsTag)
            .WithName("getCollectionFeed").WithSummary("A reader's public collection")
            .WithDescription("The papers of a collection its owner made public, in the owner's order. A private or unknown collection is 404.")
            .WithQuery(FeedParameters.Documented)
            .ProducesFeed();
        return app;
    }

    public static FeedLink Link(string handle, CollectionSummary collection) =>
        new($"{collection.Name} ({handle})", $"/feeds/users/{handle}/collections/{collection.Slug}");

    private static async Task<IResult> CollectionAsync(string handle, string slug, string format, [AsParameters] FeedServices feed, ReaderCollections collections)
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

        handle = handle.ToLowerInvariant();
        var contents = CollectionSlug.IsWellFormed(slug) ? await collections.ReadPublicAsync(handle, slug, feed.Cancellation) : null;
        if (contents is null)
        {
            return DailyPapersApi.NotFound($"{handle} has no public collection “{slug}”.");
        }

        var papers = (await CollectionPapers.ReadAsync(feed.Reader, contents, feed.Cancellation))
            .Select(p => p.Paper)
            .Where(p => parameters.Admits(p))
            .Take(parameters.Limit);
        var page = $"/users/{handle}/collections/{slug}";
        return await feed.AnswerAsync(feedFormat, $"{contents.Collection.Name} — {handle}", $"A collection by {handle} on DailyPapers.", page, papers);
    }
}
