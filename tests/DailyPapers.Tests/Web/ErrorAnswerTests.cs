using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>
/// Requests no page or endpoint handles: the API answers JSON an API client can read, pages answer the error page
/// whatever the method, and a post a page has no handler for is 405 rather than a page drawn without its data.
/// </summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private CommunitySite _site = null!;

    public async Task InitializeAsync() =>
        _site = await CommunitySite.StartAsync(
            Infrastructure.Storage.StoreProvider.Sqlite, null, SamplePapers.Item("2506.00001", listedOn: new DateOnly(2025, 6, 10), source: ListingSource.Hf));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/papers/2506.00001")]
    [InlineData("/papers/2506.00001?handler=Nothing")]
    [InlineData("/papers/date/2025-06-10")]
    [InlineData("/papers/week/2025-W24")]
    [InlineData("/search?q=x")]
    [InlineData("/users/ada")]
    public async Task A_post_no_handler_takes_is_405_with_the_error_page(string url)
    {
        var ada = await _site.AddReaderAsync("ada@example.org");
        using var browser = await _site.SignedInBrowserAsync(ada);

        using var response = await CommunitySite.PostFormAsync(browser, "/papers/2506.00001", url, []);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Method not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/nothing-here", HttpStatusCode.NotFound, "Not found")]
    [InlineData("DELETE", "/nothing-here", HttpStatusCode.NotFound, "Not found")]
    [InlineData("PATCH", "/papers/2506.00001", HttpStatusCode.BadRequest, "Bad request")] // no antiforgery token
    public async Task Pages_answer_any_method_with_the_error_page_and_its_title(string method, string url, HttpStatusCode status, string title)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await _site.App.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound, "nothing at /api/nothing-here")]
    [InlineData("DELETE", "/api/daily_papers", HttpStatusCode.MethodNotAllowed, "accepts GET")]
    [InlineData("PUT", "/api/papers/submit", HttpStatusCode.MethodNotAllowed, "not PUT")]
    [InlineData("GET", "/api/papers/2506.00001/upvote", HttpStatusCode.MethodNotAllowed, "accepts POST, DELETE")]
    [InlineData("GET", "/api/papers/submit", HttpStatusCode.MethodNotAllowed, "accepts POST")]
    [InlineData("GET", "/api/papers/hep-th%2F9901001", HttpStatusCode.NotFound, "Paper hep-th/9901001 not found")]
    [InlineData("DELETE", "/api/comments/abc", HttpStatusCode.NotFound, "nothing at /api/comments/abc")]
    public async Task The_api_answers_every_failure_with_a_problem_document(string method, string url, HttpStatusCode status, string words)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await _site.App.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(words, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(words, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
