using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>The reads behind the pages, on both databases: ranking, totals, neighbours, sources and withdrawn papers.</summary>
public sealed class PaperReaderTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_day_is_ranked_by_votes_with_its_total_and_neighbouring_days(StoreProvider provider)
    {
        await using var store = await SampleStoreAsync(provider);
        await using var reader = new PaperQueries(store.Factory).OpenReader();

        var view = await reader.ListAsync(ListingPeriod.Day(Day), ListingFilter.None, 0, 50, withNeighbours: true, CancellationToken.None);

        Assert.Equal(["2506.00002", "2506.00001"], view.Page.Papers.Select(p => p.Id));
        Assert.Equal(2, view.Page.Total);
        Assert.Equal(Day.AddDays(-7), view.PreviousDay);
        Assert.Equal(Day.AddDays(1), view.NextDay);
        var popular = view.Page.Papers[0];
        Assert.Equal(53, popular.Votes);
        Assert.Equal([ListingSource.Arxiv, ListingSource.Hf], popular.Sources);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], popular.Authors);
        Assert.Equal(Day, popular.ListedOn);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Pages_count_the_whole_period_even_past_the_last_page(StoreProvider provider)
    {
        await using var store = await SampleStoreAsync(provider);
        await using var reader = new PaperQueries(store.Factory).OpenReader();

        var first = await reader.ListAsync(ListingPeriod.Day(Day), ListingFilter.None, 0, 1, withNeighbours: false, CancellationToken.None);
        var second = await reader.ListAsync(ListingPeriod.Day(Day), ListingFilter.None, 1, 1, withNeighbours: false, CancellationToken.None);
        var beyond = await reader.ListAsync(ListingPeriod.Day(Day), ListingFilter.None, 5, 1, withNeighbours: false, CancellationToken.None);

        Assert.Equal(["2506.00002"], first.Page.Papers.Select(p => p.Id));
        Assert.Equal(2, first.Page.Total);
        Assert.Equal(["2506.00001"], second.Page.Papers.Select(p => p.Id));
        Assert.Equal(2, second.Page.Total);
        Assert.Empty(beyond.Page.Papers);
        Assert.Equal(2, beyond.Page.Total);
        Assert.Null(beyond.PreviousDay);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_source_filter_ranks_by_that_source_but_shows_every_listing_in_the_period(StoreProvider provider)
    {
        await using var store = await SampleStoreAsync(provider);
        await using var reader = new PaperQueries(store.Factory).OpenReader();

        var arxiv = await reader.ListAsync(ListingPeriod.Day(Day), ListingSource.Arxiv, 0, 50, withNeighbours: true, CancellationToken.None);
        var curated = await reader.ListAsync(ListingPeriod.Day(Day), ListingSource.Curated, 0, 50, withNeighbours: true, CancellationToken.None);

        Assert.Equal(["2506.00002"], arxiv.Page.Papers.Select(p => p.Id));
        Assert.Equal(1, arxiv.Page.Total);
        Assert.Equal(53, arxiv.Page.Papers[0].Votes);
        Assert.Empty(curated.Page.Papers);
        Assert.Equal(0, curated.Page.Total);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Weeks_gather_their_days_and_know_whether_listings_lie_before_or_after(StoreProvider provider)
    {
        await using var store = await SampleStoreAsync(provider);
        await using var reader = new PaperQueries(store.Factory).OpenReader();

        var week = await reader.ListAsync(ListingPeriod.WeekOf(Day), ListingFilter.None, 0, 50, withNeighbours: true, CancellationToken.None);

        Assert.Equal(["2506.00002", "2506.00001", "2506.00003"], week.Page.Papers.Select(p => p.Id));
        Assert.Equal(Day.AddDays(-7), week.PreviousDay);
        Assert.Null(week.NextDay);
        Assert.Equal(Day.AddDays(1), await reader.LatestListingDayAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_paper_is_found_with_all_its_listings_unless_withdrawn_or_unknown(StoreProvider provider)
    {
        await using var store = await SampleStoreAsync(provider);
        await using var queries = new PaperQueries(store.Factory).OpenReader();

        var found = await queries.FindAsync(ArxivId.Parse("2506.00002"), CancellationToken.None);
        var unlisted = await queries.FindAsync(ArxivId.Parse("2506.00005"), CancellationToken.None);
        var withdrawn = await queries.FindAsync(ArxivId.Parse("2506.00004"), CancellationToken.None);
        var unknown = await queries.FindAsync(ArxivId.Parse("2506.09999"), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("Popular paper", found.Title);
        Assert.Equal(53, found.Votes);
        Assert.Equal(Day, found.ListedOn);
        Assert.NotNull(unlisted);
        Assert.Empty(unlisted.Sources);
        Assert.Null(withdrawn);
        Assert.Null(unknown);
    }

    /// <summary>
    /// Day: 00002 (HF 50 + arXiv 3 votes), 00001 (HF 2), withdrawn 00004 (HF 500); the next day 00003; a week
    /// earlier hep-th/9901001; 00005 listed nowhere.
    /// </summary>
    private static async Task<TestStore> SampleStoreAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        var writer = new PaperWriter(store.Factory, TimeProvider.System);
        await writer.WriteAsync(
        [
            SamplePapers.Item("2506.00001", "Quiet paper", listedOn: Day, source: ListingSource.Hf, upvotes: 2),
            SamplePapers.Item("2506.00002", "Popular paper", listedOn: Day, source: ListingSource.Hf, upvotes: 50),
            SamplePapers.Item("2506.00002", "Popular paper", listedOn: Day, source: ListingSource.Arxiv, upvotes: 3),
            SamplePapers.Item("2506.00003", "Next day paper", listedOn: Day.AddDays(1)),
            SamplePapers.Item("2506.00004", "Withdrawn paper", listedOn: Day, source: ListingSource.Hf, upvotes: 500),
            SamplePapers.Item("2506.00005", "Unlisted paper"),
            SamplePapers.Item("hep-th/9901001", "Old style paper", listedOn: Day.AddDays(-7)),
        ], CancellationToken.None);
        await writer.WriteAsync([new DeletionItem("sample#deleted", ArxivId.Parse("2506.00004"))], CancellationToken.None);
        return store;
    }
}
