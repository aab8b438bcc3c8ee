using System.Net;
using System.Text.Json;

namespace DailyPapers.Tests.Feeds;

/// <summary>Malformed feed parameters answer 400 (an unknown feed 404) with a problem document naming what is wrong; never a 500.</summary>
public sealed class FeedBadInputTests(FeedSite site) : IClassFixture<FeedSite>
{
    [Theory]
    [InlineData("/feeds/daily.atom?limit=0", 400, "limit")]
    [InlineData("/feeds/daily.atom?limit=201", 400, "limit")]
    [InlineData("/feeds/daily.rss?min_votes=-1", 400, "min_votes")]
    [InlineData("/feeds/daily.rss?min_votes=many", 400, "min_votes")]
    [InlineData("/feeds/daily.json?cat=not%20a%20category!", 400, "cat")]
    [InlineData("/feeds/daily.json?source=reddit", 400, "source")]
    [InlineData("/feeds/trending.atom?window=year", 400, "window")]
    [InlineData("/feeds/search.atom", 400, "q is required")]
    [InlineData("/feeds/search.atom?q=x&from=2025-13-45", 400, "2025-13-45")]
    [InlineData("/feeds/search.atom?q=x&sort=random", 400, "sort")]
    [InlineData("/feeds/daily.xml", 404, ".rss, .atom or .json")]
    [InlineData("/feeds/categories/c!s.atom", 404, "not an arXiv category")]
    [InlineData("/feeds/alerts/CfDJ8forged.atom", 404, "No such feed")]
    public async Task Answers_with_a_problem_naming_the_parameter(string url, int status, string named)
    {
        using var response = await site.App.Client.GetAsync(url);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_kilobyte_query_is_refused_by_name()
    {
        using var response = await site.App.Client.GetAsync("/feeds/search.rss?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q must be at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(site.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored()
    {
        using var response = await site.App.Client.GetAsync("/feeds/daily.atom?utm_source=newsletter&foo=bar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
