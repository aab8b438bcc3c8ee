using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// Every kind of feed in every format parses as its readers parse it, and every item says what the store says of
/// its paper: guid, title, page link, authors, categories, votes, and the arXiv, PDF and code links.
/// </summary>
public sealed partial class FeedFormatTests(FeedSite site) : IClassFixture<FeedSite>
{
    public static TheoryData<string, string> Kinds()
    {
        string[] kinds =
        [
            "/feeds/daily.{0}", "/feeds/daily.{0}?source=arxiv", "/feeds/daily.{0}?source=hf",
            "/feeds/trending.{0}?window=day", "/feeds/trending.{0}?window=week", "/feeds/trending.{0}?window=month",
            "/feeds/search.{0}?q=diffusion", "/feeds/search.{0}?q=language%20model&cat=cs.CL&sort=votes",
            "/feeds/categories/cs.CV.{0}", "/feeds/authors/Tomas%20Pfister.{0}",
        ];
        var data = new TheoryData<string, string>();
        foreach (var kind in kinds)
        {
            foreach (var format in new[] { "rss", "atom", "json" })
            {
                data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, kind, format), format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_item_carries_its_papers_fields(string url, string format)
    {
        using var response = await site.App.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(format switch { "rss" => "application/rss+xml", "atom" => "application/atom+xml", _ => "application/feed+json" },
            response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var (_, items) = FeedItem.Parse(format, await response.Content.ReadAsStringAsync());

        Assert.NotEmpty(items);
        var ids = items.Select(i => PaperIdOf(i.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var papers = await site.PapersAsync(ids);
        foreach (var item in items)
        {
            var paper = papers[PaperIdOf(item.Id)];
            Assert.Equal("oai:arXiv.org:" + paper.Id + (paper.Version > 0 ? $"v{paper.Version}" : ""), item.Id);
            Assert.Equal(PaperText.SingleLine(paper.Title), item.Title);
            Assert.Equal(new Uri(site.App.BaseAddress, "/papers/" + paper.Id).AbsoluteUri, item.Link);
            Assert.Equal(string.Join(", ", paper.Authors.Select(PaperText.SingleLine)), string.Join(", ", item.Authors));
            Assert.Equal(paper.Categories, item.Categories);
            Assert.Equal(paper.Votes, item.Votes);
            Assert.True(item.Published.Year >= 2024, $"{item.Id} published {item.Published}");
            Assert.Contains(paper.AbsUrl, item.Content, StringComparison.Ordinal);
            Assert.Contains(paper.PdfUrl, item.Content, StringComparison.Ordinal);
            if (paper.GithubRepo is { } code)
            {
                Assert.Contains(System.Net.WebUtility.HtmlEncode(code), item.Content, StringComparison.Ordinal);
            }

            if (format != "rss")
            {
                Assert.Contains(paper.AbsUrl, item.RelatedLinks);
                Assert.Contains(paper.PdfUrl, item.RelatedLinks);
            }
        }

        Assert.DoesNotContain(site.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Theory]
    [InlineData("rss")]
    [InlineData("atom")]
    [InlineData("json")]
    public async Task A_source_with_nothing_listed_gives_a_valid_empty_feed(string format)
    {
        var (title, items) = FeedItem.Parse(format, await site.App.Client.GetStringAsync($"/feeds/daily.{format}?source=curated"));

        Assert.Equal("Daily papers curated here", title);
        Assert.Empty(items);
    }

    [Fact]
    public async Task The_daily_feed_lists_the_latest_day_first_and_the_most_voted_first_within_a_day()
    {
        var (_, items) = FeedItem.Parse("atom", await site.App.Client.GetStringAsync("/feeds/daily.atom?source=hf&limit=200"));
        var days = items.Select(i => i.Published.UtcDateTime.Date).ToList();

        Assert.True(days.Distinct().Count() > 1, "the recent days hold more than one Hugging Face day");
        Assert.Equal(days.OrderDescending(), days);
        foreach (var day in items.GroupBy(i => i.Published.UtcDateTime.Date))
        {
            Assert.Equal(day.Select(i => i.Votes).OrderDescending(), day.Select(i => i.Votes));
        }
    }

    [Fact]
    public async Task Filters_keep_only_the_papers_that_pass_them()
    {
        var (_, voted) = FeedItem.Parse("json", await site.App.Client.GetStringAsync("/feeds/daily.json?source=hf&min_votes=10&limit=200"));
        var (_, all) = FeedItem.Parse("json", await site.App.Client.GetStringAsync("/feeds/daily.json?source=hf&limit=200"));
        var (_, vision) = FeedItem.Parse("rss", await site.App.Client.GetStringAsync("/feeds/daily.rss?source=arxiv&cat=cs.CV&limit=200"));
        var (_, withCode) = FeedItem.Parse("atom", await site.App.Client.GetStringAsync("/feeds/trending.atom?window=month&code=on"));
        var (_, three) = FeedItem.Parse("atom", await site.App.Client.GetStringAsync("/feeds/daily.atom?source=arxiv&limit=3"));

        Assert.Equal(all.Where(i => i.Votes >= 10).Select(i => i.Id), voted.Select(i => i.Id));
        Assert.NotEmpty(voted);
        Assert.NotEmpty(vision);
        Assert.All(vision, i => Assert.Contains("cs.CV", i.Categories));
        Assert.NotEmpty(withCode);
        Assert.All(withCode, i => Assert.Contains("Code", i.Content, StringComparison.Ordinal));
        Assert.Equal(3, three.Count);
    }

    [Fact]
    public async Task An_author_feed_lists_only_that_authors_papers_newest_first()
    {
        var (title, items) = FeedItem.Parse("atom", await site.App.Client.GetStringAsync("/feeds/authors/Tomas%20Pfister.atom"));

        Assert.Equal("Papers by Tomas Pfister", title);
        Assert.All(items, i => Assert.Contains("Tomas Pfister", i.Authors));
    }

    private static string PaperIdOf(string itemId) => VersionSuffix().Replace(itemId["oai:arXiv.org:".Length..], "");

    [GeneratedRegex("v[0-9]+$")]
    private static partial Regex VersionSuffix();
}
