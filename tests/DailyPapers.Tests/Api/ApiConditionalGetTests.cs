using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DailyPapers.Tests.Feeds;

namespace DailyPapers.Tests.Api;

/// <summary>The read API's answers carry an ETag and a Last-Modified, and a client with a current copy gets 304.</summary>
public sealed class ApiConditionalGetTests(FeedSite site) : IClassFixture<FeedSite>
{
    [Theory]
    [InlineData("/api/daily_papers?date=2025-06-10")]
    [InlineData("/api/papers?limit=5")]
    [InlineData("/api/papers/search?q=diffusion")]
    public async Task A_current_copy_is_answered_304_by_tag_or_by_date(string url)
    {
        using var first = await site.App.Client.GetAsync(url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = await SendAsync(url, r => r.Headers.IfNoneMatch.Add(etag));
        using var byDate = await SendAsync(url, r => r.Headers.IfModifiedSince = lastModified);
        using var otherTag = await SendAsync(url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"")));

        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await otherTag.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_paper_has_its_own_tag_and_an_error_has_none()
    {
        using var list = JsonDocument.Parse(await site.App.Client.GetStringAsync("/api/daily_papers?date=2025-06-10&limit=2"));
        var ids = list.RootElement.EnumerateArray().Select(i => i.GetProperty("paper").GetProperty("id").GetString()!).ToList();

        using var one = await site.App.Client.GetAsync($"/api/papers/{ids[0]}");
        using var two = await site.App.Client.GetAsync($"/api/papers/{ids[1]}");
        using var missing = await site.App.Client.GetAsync("/api/papers/2506.99999");

        Assert.NotEqual(one.Headers.ETag, two.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.ETag);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        conditions(request);
        return await site.App.Client.SendAsync(request);
    }
}
