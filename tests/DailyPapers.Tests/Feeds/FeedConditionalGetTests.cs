using System.Net;
using System.Net.Http.Headers;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// Conditional GET: a feed reader's copy is confirmed with 304 by ETag or by date, made fresh or served from the
/// output cache, and a vote makes every feed that shows the paper answer in full again.
/// </summary>
public sealed class FeedConditionalGetTests
{
    private const string Feed = "/feeds/daily.atom?source=hf";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_current_copy_is_not_sent_again_and_a_vote_changes_the_feed(bool outputCache)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await FeedSite.ImportAsync(store);
        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?> { ["Web:OutputCache"] = outputCache ? "true" : "false" });
        // The tag names the search index's version too: one still catching up after the start would change it.
        await app.SearchReadyAsync();

        using var first = await app.Client.GetAsync(Feed);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(app, HttpMethod.Get, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(app, HttpMethod.Get, r => r.Headers.IfModifiedSince = lastModified)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(app, HttpMethod.Get, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true)))).StatusCode);
        // If-None-Match decides when both are sent (RFC 9110 §13.2.2): another tag means a full answer.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Get, r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
            r.Headers.IfModifiedSince = lastModified;
        })).StatusCode);
        using var head = await SendAsync(app, HttpMethod.Head, _ => { });
        Assert.Equal((HttpStatusCode.OK, etag), (head.StatusCode, head.Headers.ETag));

        var (_, items) = FeedItem.Parse("atom", await first.Content.ReadAsStringAsync());
        var voted = items[0];
        await VoteAsync(app, voted.Link[(voted.Link.LastIndexOf("/papers/", StringComparison.Ordinal) + "/papers/".Length)..]);
        await Task.Delay(Infrastructure.Papers.StoreVersion.MaxAge + TimeSpan.FromMilliseconds(100));

        using var after = await SendAsync(app, HttpMethod.Get, r =>
        {
            r.Headers.IfNoneMatch.Add(etag);
            r.Headers.IfModifiedSince = lastModified;
        });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > lastModified);
        var (_, changed) = FeedItem.Parse("atom", await after.Content.ReadAsStringAsync());
        Assert.Equal(voted.Votes + 1, changed.Single(i => i.Id == voted.Id).Votes);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Get, r => r.Headers.IfModifiedSince = lastModified)).StatusCode);
    }

    [Fact]
    public async Task A_search_feed_is_served_from_the_cache_until_the_store_changes()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await FeedSite.ImportAsync(store);
        await using var app = await RunningApp.StartAsync(store);
        await app.SearchReadyAsync();
        const string search = "/feeds/search.rss?q=diffusion&limit=50";

        using var first = await app.Client.GetAsync(search);
        using var second = await app.Client.GetAsync(search);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);

        var (_, items) = FeedItem.Parse("rss", await second.Content.ReadAsStringAsync());
        await VoteAsync(app, items[0].Link[(items[0].Link.LastIndexOf("/papers/", StringComparison.Ordinal) + "/papers/".Length)..]);
        await Task.Delay(Infrastructure.Papers.StoreVersion.MaxAge + TimeSpan.FromMilliseconds(100));
        using var third = await app.Client.GetAsync(search);

        Assert.Null(third.Headers.Age);
        Assert.NotEqual(first.Headers.ETag, third.Headers.ETag);
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningApp app, HttpMethod method, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(method, Feed);
        conditions(request);
        return await app.Client.SendAsync(request);
    }

    private static async Task VoteAsync(RunningApp app, string paperId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (account, created) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync("voter@example.test", CommunitySite.Password, CancellationToken.None);
        Assert.True(created.Succeeded);
        Assert.True(ArxivId.TryParse(paperId, out var id));
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PaperVotes>().SetAsync(id, account.Id, true, CancellationToken.None));
    }
}
