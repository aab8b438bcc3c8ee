using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Storage;

/// <summary>The idempotent upsert every importer relies on, on SQLite and on PostgreSQL.</summary>
public sealed class PaperWriterTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Writing_the_same_items_twice_changes_nothing_the_second_time(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var writer = Writer(store);
        SourceItem[] items = [SamplePapers.Item("2506.00001", listedOn: Day), SamplePapers.Item("2506.00002", listedOn: Day)];

        var first = await writer.WriteAsync(items, CancellationToken.None);
        var sequenceAfterFirst = await ChangeSequenceAsync(store);
        var second = await writer.WriteAsync(items, CancellationToken.None);

        Assert.Equal([ImportOutcome.New, ImportOutcome.New], first);
        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged], second);
        Assert.Equal(sequenceAfterFirst, await ChangeSequenceAsync(store));
        await using var context = store.Factory.CreateContext();
        Assert.Equal(2, await context.Papers.CountAsync());
        Assert.Equal(2, await context.Listings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_newer_version_updates_the_paper_and_an_older_one_does_not(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var writer = Writer(store);
        await writer.WriteAsync([SamplePapers.Item("2506.00001", "First title", version: 1)], CancellationToken.None);

        var newer = await writer.WriteAsync([SamplePapers.Item("2506.00001", "Second title", version: 2)], CancellationToken.None);
        var older = await writer.WriteAsync([SamplePapers.Item("2506.00001", "First title", version: 1)], CancellationToken.None);

        Assert.Equal([ImportOutcome.Updated], newer);
        Assert.Equal([ImportOutcome.Unchanged], older);
        await using var context = store.Factory.CreateContext();
        var paper = await context.Papers.SingleAsync();
        Assert.Equal(("Second title", 2), (paper.Title, paper.Version));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_source_without_categories_or_version_keeps_what_arxiv_said_and_adds_its_own_fields(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var writer = Writer(store);
        await writer.WriteAsync([SamplePapers.Item("2506.00001", "Exact arXiv title", version: 3, categories: "cs.CL cs.LG")], CancellationToken.None);

        var hf = SamplePapers.Item("2506.00001", "HF title", version: null, categories: "", listedOn: Day, source: ListingSource.Hf, upvotes: 12, githubRepo: "https://github.com/a/b");
        var outcome = await writer.WriteAsync([hf], CancellationToken.None);

        Assert.Equal([ImportOutcome.Updated], outcome);
        await using var context = store.Factory.CreateContext();
        var paper = await context.Papers.Include(p => p.Listings).SingleAsync();
        Assert.Equal(("Exact arXiv title", "cs.CL cs.LG", 3), (paper.Title, paper.Categories, paper.Version));
        Assert.Equal("https://github.com/a/b", paper.GithubRepo);
        Assert.Equal(12, Assert.Single(paper.Listings).Upvotes);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_changed_upvote_count_updates_the_listing_in_place(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var writer = Writer(store);
        await writer.WriteAsync([SamplePapers.Item("2506.00001", listedOn: Day, source: ListingSource.Hf, upvotes: 3)], CancellationToken.None);

        var outcome = await writer.WriteAsync([SamplePapers.Item("2506.00001", listedOn: Day, source: ListingSource.Hf, upvotes: 40)], CancellationToken.None);

        Assert.Equal([ImportOutcome.Updated], outcome);
        await using var context = store.Factory.CreateContext();
        Assert.Equal(40, (await context.Listings.SingleAsync()).Upvotes);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Duplicates_inside_one_batch_are_written_once(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var item = SamplePapers.Item("2506.00001", listedOn: Day);

        var outcomes = await Writer(store).WriteAsync([item, item, item], CancellationToken.None);

        Assert.Equal([ImportOutcome.New, ImportOutcome.Unchanged, ImportOutcome.Unchanged], outcomes);
        await using var context = store.Factory.CreateContext();
        Assert.Equal((1, 1), (await context.Papers.CountAsync(), await context.Listings.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_deletion_marks_the_paper_deleted_and_keeps_the_row(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var writer = Writer(store);
        await writer.WriteAsync([SamplePapers.Item("2506.00001", listedOn: Day)], CancellationToken.None);

        var outcomes = await writer.WriteAsync(
            [new DeletionItem("oai#1", ArxivId.Parse("2506.00001")), new DeletionItem("oai#2", ArxivId.Parse("2506.09999"))],
            CancellationToken.None);

        Assert.Equal([ImportOutcome.Deleted, ImportOutcome.Unchanged], outcomes);
        await using var context = store.Factory.CreateContext();
        Assert.True((await context.Papers.SingleAsync()).IsDeleted);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Two_writers_importing_the_same_papers_at_once_create_each_paper_once(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var items = Enumerable.Range(1, 300).Select(i => (SourceItem)SamplePapers.Item($"2506.{i:00000}", listedOn: Day)).ToList();
        var batches = items.Chunk(50).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var outcomes = new List<ImportOutcome>();
            foreach (var batch in batches)
            {
                outcomes.AddRange(await Writer(store).WriteAsync(batch, CancellationToken.None));
            }

            return outcomes;
        })));

        Assert.Equal(300, results.SelectMany(r => r).Count(o => o == ImportOutcome.New));
        await using var context = store.Factory.CreateContext();
        Assert.Equal((300, 300), (await context.Papers.CountAsync(), await context.Listings.CountAsync()));
        Assert.Equal(300, await context.Papers.Select(p => p.ChangeSeq).Distinct().CountAsync());
    }

    private static PaperWriter Writer(TestStore store) => new(store.Factory, TimeProvider.System);

    private static async Task<long> ChangeSequenceAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value;
    }
}
