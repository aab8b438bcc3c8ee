using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>
/// Search answers follow the search index, which trails the store: they are never output-cached, while the same
/// pages without a query still are.
/// </summary>
[Collection(SearchTestGroup.Name)]
public sealed class SearchCachingTests(SearchCorpus corpus)
{
    private RunningApp App => corpus.App;

    [Theory]
    [InlineData("/search?q=model")]
    [InlineData("/search?cat=cs.RO")]
    [InlineData("/api/papers/search?q=model")]
    [InlineData("/papers/date/2025-06-10?q=model")]
    [InlineData("/papers/week/2025-W24?q=model")]
    [InlineData("/?q=model")]
    public async Task A_search_is_answered_fresh_every_time(string url)
    {
        await App.Client.GetStringAsync(url);
        var again = await App.Client.GetAsync(url);

        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task The_listing_page_without_a_query_is_still_cached()
    {
        await App.Client.GetStringAsync("/papers/date/2025-06-10?source=arxiv");
        var again = await App.Client.GetAsync("/papers/date/2025-06-10?source=arxiv");

        Assert.NotNull(again.Headers.Age);
    }
}
