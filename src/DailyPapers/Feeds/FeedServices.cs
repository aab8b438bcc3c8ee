using DailyPapers.Core.Feeds;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Http.Extensions;

namespace DailyPapers.Feeds;

/// <summary>What every feed endpoint is handed (bound with <c>[AsParameters]</c>), and the steps they share.</summary>
public readonly record struct FeedServices(
    HttpContext Http, PaperReader Reader, StoreVersion Store, SearchIndexVersion SearchIndex, ContentClock Clock, CancellationToken Cancellation)
{
    public IQueryCollection Query => Http.Request.Query;

    /// <summary>The feed of these papers, in this order, answered with its validators (see <see cref="FeedResponse"/>).</summary>
    public async Task<IResult> AnswerAsync(
        FeedFormat format, string title, string description, string pagePath, IEnumerable<ListedPaper> papers, bool isPrivate = false)
    {
        // The key includes the search index's position: a search feed changes when the index catches up, not the store.
        var version = await Store.CurrentAsync(Cancellation);
        var lastModified = Clock.SeenAt($"{version}/{SearchIndex.Current}");
        var request = Http.Request;
        var entries = papers.Select(p => FeedEntry.Of(p, SiteAddress.Of(request, "/papers/" + p.Id))).ToList();
        var feed = new FeedDocument
        {
            Title = title,
            Description = description,
            Self = new Uri(request.GetEncodedUrl()),
            Page = SiteAddress.Of(request, pagePath),
            Site = SiteAddress.Root(request),
            Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : lastModified,
            Entries = entries,
        };
        return FeedResponse.Answer(Http, feed, format, lastModified, isPrivate);
    }
}
