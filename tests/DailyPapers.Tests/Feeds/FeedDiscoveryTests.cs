using AngleSharp.Html.Parser;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// Every listing, trending and search page names its feed for a reader's autodiscovery (a <c>link rel="alternate"</c>
/// per format) and links it on the page; each named feed answers and lists the page's kind of papers.
/// </summary>
public sealed class FeedDiscoveryTests(FeedSite site) : IClassFixture<FeedSite>
{
    [Theory]
    [InlineData("/", "/feeds/daily.atom")]
    [InlineData("/papers/date/2025-06-10?source=arxiv", "/feeds/daily.atom?source=arxiv")]
    [InlineData("/papers/week/2025-W24", "/feeds/daily.atom")]
    [InlineData("/papers/month/2025-06?source=hf", "/feeds/daily.atom?source=hf")]
    [InlineData("/papers/trending?window=month", "/feeds/trending.atom?window=month")]
    [InlineData("/search?q=diffusion&cat=cs.CV", "/feeds/search.atom?q=diffusion&cat=cs.CV")]
    public async Task A_page_names_its_feed_in_every_format(string page, string atom)
    {
        var document = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(page));
        var alternates = document.QuerySelectorAll("head link[rel=alternate]").ToList();
        var onPage = document.QuerySelectorAll(".feed-links a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(
            ["application/rss+xml", "application/atom+xml", "application/feed+json"],
            alternates.Select(l => l.GetAttribute("type")));
        Assert.Contains(atom, alternates.Select(l => l.GetAttribute("href")));
        Assert.Equal(alternates.Select(l => l.GetAttribute("href")), onPage);
        Assert.All(alternates, l => Assert.False(string.IsNullOrWhiteSpace(l.GetAttribute("title"))));
        foreach (var link in alternates)
        {
            using var feed = await site.App.Client.GetAsync(link.GetAttribute("href"));
            Assert.True(feed.IsSuccessStatusCode, $"{link.GetAttribute("href")} answered {feed.StatusCode}");
            Assert.Equal(link.GetAttribute("type"), feed.Content.Headers.ContentType!.MediaType);
        }
    }
}
