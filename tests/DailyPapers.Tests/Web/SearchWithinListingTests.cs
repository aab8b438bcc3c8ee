using System.Net;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Web;

/// <summary>?q= on a day, week or month page searches that period's papers only; paper pages show similar papers.</summary>
[Collection(SearchTestGroup.Name)]
public sealed class SearchWithinListingTests(SearchCorpus corpus)
{
    private RunningApp App => corpus.App;

    [Fact]
    public async Task A_search_on_a_day_page_finds_only_that_days_papers()
    {
        var day = await ListedIdsAsync(ListingPeriod.Day(SearchCorpus.HfDay));
        var everywhere = SearchResultCard.ParseAll(await App.Client.GetStringAsync("/search?q=language+model&sort=newest"));
        var html = await App.Client.GetStringAsync("/papers/date/2025-06-10?q=language+model");
        var within = SearchResultCard.ParseAll(html);

        Assert.Contains(everywhere, c => !day.Contains(c.Id));
        Assert.NotEmpty(within);
        Assert.All(within, c => Assert.Contains(c.Id, day));
        Assert.Contains("Searching within Tuesday, June 10, 2025", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/papers/date/2025-06-10\">clear</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"within-q\" type=\"search\" name=\"q\" value=\"language model\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_within_a_source_keeps_to_that_source()
    {
        var hf = await ListedIdsAsync(ListingPeriod.Day(SearchCorpus.HfDay), Core.Papers.ListingSource.Hf);
        var html = await App.Client.GetStringAsync("/papers/date/2025-06-10?q=model&source=hf");
        var within = SearchResultCard.ParseAll(html);

        Assert.NotEmpty(within);
        Assert.All(within, c => Assert.Contains(c.Id, hf));
        Assert.Contains("<input type=\"hidden\" name=\"source\" value=\"hf\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_and_month_pages_search_their_period_ranked_by_relevance()
    {
        var week = SearchResultCard.ParseAll(await App.Client.GetStringAsync("/papers/week/2025-W24?q=reinforcement+pre-training"));
        var month = await App.Client.GetStringAsync("/papers/month/2025-06?q=reinforcement+pre-training");

        Assert.Equal("2506.08007", week[0].Id);
        Assert.Equal("2506.08007", SearchResultCard.ParseAll(month)[0].Id);
        Assert.Contains("Searching within June 2025", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_neighbour_link_stays_and_a_query_without_a_match_says_so()
    {
        var html = await App.Client.GetStringAsync("/papers/date/2025-06-10?q=zzyzxquux");

        Assert.Empty(SearchResultCard.ParseAll(html));
        Assert.Contains("No paper of Tuesday, June 10, 2025 matches.", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"next\" href=\"/papers/date/2025-06-11\" rel=\"next\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_pages_of_a_day_keep_the_query()
    {
        var first = await App.Client.GetStringAsync("/papers/date/2025-06-10?q=model");
        var second = await App.Client.GetStringAsync("/papers/date/2025-06-10?q=model&page=2");

        Assert.Equal(50, SearchResultCard.ParseAll(first).Count);
        Assert.Contains("href=\"?q=model&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.Empty(SearchResultCard.ParseAll(first).Select(c => c.Id).Intersect(SearchResultCard.ParseAll(second).Select(c => c.Id)));
    }

    [Fact]
    public async Task The_home_page_searches_the_latest_day()
    {
        var latest = await ListedIdsAsync(ListingPeriod.Day(await LatestDayAsync()));
        var within = SearchResultCard.ParseAll(await App.Client.GetStringAsync("/?q=model"));

        Assert.NotEmpty(within);
        Assert.All(within, c => Assert.Contains(c.Id, latest));
    }

    [Fact]
    public async Task A_bad_page_of_a_day_search_is_a_400()
    {
        var response = await App.Client.GetAsync("/papers/date/2025-06-10?q=model&page=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_paper_page_links_similar_papers_with_their_authors()
    {
        var html = await App.Client.GetStringAsync("/papers/2506.08007");
        var section = html[html.IndexOf("<section class=\"similar\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var links = System.Text.RegularExpressions.Regex.Matches(section, "<a class=\"math\" href=\"/papers/([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("<h2 id=\"similar-heading\">Similar papers</h2>", section, StringComparison.Ordinal);
        Assert.InRange(links.Count, 1, 8);
        Assert.DoesNotContain("2506.08007", links);
        Assert.Equal(links.Count, links.Distinct().Count());
        Assert.Contains("class=\"authors\"", section, StringComparison.Ordinal);
    }

    private async Task<HashSet<string>> ListedIdsAsync(ListingPeriod period, Core.Papers.ListingSource? source = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<PaperReader>();
        return [.. await reader.ListedIdsAsync(period, source, CancellationToken.None)];
    }

    private async Task<DateOnly> LatestDayAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PaperReader>().LatestListingDayAsync(CancellationToken.None))!.Value;
    }
}
