using System.Net;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Api;

/// <summary>The read API from a page of another origin, as a browser asks: reads allowed, never with cookies; writes not.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string Origin = "https://notebook.example.org";
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _app = await RunningApp.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/daily_papers")]
    [InlineData("/api/papers?limit=5")]
    [InlineData("/api/papers/search?q=attention")]
    [InlineData("/papers/2506.01234.md")]
    public async Task A_read_from_any_origin_may_be_read_by_its_page_without_credentials(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", Origin);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_for_a_read_with_a_token_is_allowed_and_the_link_header_readable()
    {
        using var response = await PreflightAsync("/api/papers?limit=5", "GET");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/daily_papers");
        read.Headers.Add("Origin", Origin);
        using var actual = await _app.Client.SendAsync(read);
        Assert.Contains("Link", actual.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_for_a_write_is_refused()
    {
        using var response = await PreflightAsync("/api/papers/2506.01234/upvote", "POST");

        // A browser sends the POST only if the preflight's allowed methods name it.
        var allowed = response.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? string.Join(",", methods) : "";
        Assert.DoesNotContain("POST", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GET", allowed, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string url, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await _app.Client.SendAsync(request);
    }
}
