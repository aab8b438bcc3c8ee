using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Ingestion;

/// <summary>Batches handed to the writer in chunks: the same rows as whole batches, and still one transaction each.</summary>
public sealed class ImportRunnerTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Batches_written_in_chunks_store_what_whole_batches_store(StoreProvider provider)
    {
        // Repeats across chunk boundaries: a paper seen again, a newer version, a changed listing, a deletion.
        SourceItem[] items =
        [
            SamplePapers.Item("2506.00001", "First", listedOn: Day),
            SamplePapers.Item("2506.00002", listedOn: Day),
            SamplePapers.Item("2506.00003"),
            SamplePapers.Item("2506.00001", "First", listedOn: Day),
            SamplePapers.Item("2506.00002", "Second version", version: 2, listedOn: Day),
            new DeletionItem("oai#1", ArxivId.Parse("2506.00003")),
            SamplePapers.Item("2506.00004", listedOn: Day, source: ListingSource.Hf, upvotes: 3),
            SamplePapers.Item("2506.00002", "Second version", version: 2, listedOn: Day),
            SamplePapers.Item("2506.00004", listedOn: Day, source: ListingSource.Hf, upvotes: 9),
            SamplePapers.Item("2506.00005"),
        ];
        await using var whole = await TestStore.CreateAsync(provider);
        await using var chunked = await TestStore.CreateAsync(provider);

        var wholeSummary = await ImportAsync(whole, items, batchSize: 6, chunkSize: 6);
        var chunkedSummary = await ImportAsync(chunked, items, batchSize: 6, chunkSize: 2);

        Assert.Equal((5, 2, 1), (wholeSummary.New, wholeSummary.Updated, wholeSummary.Deleted));
        Assert.Equal(Counts(wholeSummary), Counts(chunkedSummary));
        Assert.Equal(await SnapshotAsync(whole), await SnapshotAsync(chunked));
    }

    [Fact]
    public async Task A_failure_mid_batch_keeps_the_committed_batches_and_none_of_the_failed_one()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        // The third batch fails after two of its chunks were written.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(store, FailingAfter(27), batchSize: 10, chunkSize: 3));

        Assert.Equal("the source broke", error.Message);
        await using var context = store.Factory.CreateContext();
        Assert.Equal((20, 20), (await context.Papers.CountAsync(), await context.Listings.CountAsync()));
        Assert.Equal(20, (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value);
    }

    [Fact]
    public async Task Importing_into_an_empty_store_still_sees_what_another_writer_stored_between_batches()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var writer = new PaperWriter(store.Factory, TimeProvider.System);
        var imported = new ImportedIds();
        await WriteBatchAsync(writer, imported, SamplePapers.Item("2506.00001"));

        await writer.WriteAsync([SamplePapers.Item("2506.00002")], CancellationToken.None);
        var outcomes = await WriteBatchAsync(
            writer, imported, SamplePapers.Item("2506.00001"), SamplePapers.Item("2506.00002"), SamplePapers.Item("2506.00003"));

        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged, ImportOutcome.New], outcomes);
        Assert.False(imported.IsComplete);
    }

    [Fact]
    public async Task Importing_into_a_store_with_papers_looks_them_up()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var writer = new PaperWriter(store.Factory, TimeProvider.System);
        await writer.WriteAsync([SamplePapers.Item("2506.00001")], CancellationToken.None);
        var imported = new ImportedIds();

        var outcomes = await WriteBatchAsync(writer, imported, SamplePapers.Item("2506.00001"), SamplePapers.Item("2506.00002"));

        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.New], outcomes);
        Assert.False(imported.IsComplete);
    }

    [Fact]
    public async Task Importing_into_an_empty_store_alone_knows_its_papers_across_batches_and_chunks()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var writer = new PaperWriter(store.Factory, TimeProvider.System);
        var imported = new ImportedIds();
        await WriteBatchAsync(writer, imported, SamplePapers.Item("2506.00001"));

        await using var batch = await writer.BeginBatchAsync(imported, CancellationToken.None);
        var first = await batch.WriteAsync([SamplePapers.Item("2506.00002"), SamplePapers.Item("2506.00001")], CancellationToken.None);
        var second = await batch.WriteAsync([SamplePapers.Item("2506.00002", "New title", version: 2)], CancellationToken.None);
        await batch.CommitAsync(CancellationToken.None);

        Assert.True(imported.IsComplete);
        Assert.Equal([ImportOutcome.New, ImportOutcome.Unchanged], first);
        Assert.Equal([ImportOutcome.Updated], second);
        await using var context = store.Factory.CreateContext();
        // One change number per paper per batch, however many of its chunks changed it.
        Assert.Equal(2, (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value);
        Assert.Equal("New title", (await context.Papers.SingleAsync(p => p.Id == "2506.00002")).Title);
    }

    [Fact]
    public async Task An_import_into_an_empty_store_knows_the_ids_it_stored_in_earlier_batches_of_every_form()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        string[] ids = ["0704.0001", "1412.9999", "1501.00001", "2612.99999", "math/0601001", "hep-th/9901001"];
        var items = ids.Select(id => SamplePapers.Item(id, listedOn: Day)).ToList();

        // Each id again two batches later: known without asking the store, so not inserted twice.
        var summary = await ImportAsync(store, [.. items, .. items], batchSize: 3, chunkSize: 3);

        Assert.Equal((6, 6), (summary.New, summary.Unchanged));
        await using var context = store.Factory.CreateContext();
        Assert.Equal(6, await context.Listings.CountAsync());
    }

    private static async Task<ImportSummary> ImportAsync(TestStore store, IEnumerable<SourceItem> items, int batchSize, int chunkSize) =>
        await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System)) { BatchSize = batchSize, ChunkSize = chunkSize }
            .RunAsync(items, () => new ImportProgress(0, 0, 0, ""), null, CancellationToken.None);

    private static async Task<IReadOnlyList<ImportOutcome>> WriteBatchAsync(PaperWriter writer, ImportedIds imported, params SourceItem[] items)
    {
        await using var batch = await writer.BeginBatchAsync(imported, CancellationToken.None);
        var outcomes = await batch.WriteAsync(items, CancellationToken.None);
        await batch.CommitAsync(CancellationToken.None);
        return outcomes;
    }

    private static IEnumerable<SourceItem> FailingAfter(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return SamplePapers.Item($"2506.{i:00000}", listedOn: Day);
        }

        throw new InvalidOperationException("the source broke");
    }

    private static (int, int, int, int, int) Counts(ImportSummary s) => (s.New, s.Updated, s.Unchanged, s.Deleted, s.Rejected);

    private static async Task<List<string>> SnapshotAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var papers = (await context.Papers.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => string.Join("|", p.Id, p.Version, p.Title, p.Authors, p.Categories, p.IsDeleted, p.ChangeSeq, p.ObservedAt));
        var listings = (await context.Listings.AsNoTracking().OrderBy(l => l.PaperId).ThenBy(l => l.Source).ToListAsync())
            .Select(l => string.Join("|", l.PaperId, l.Day, l.Source, l.Upvotes));
        var counter = (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value;
        return [.. papers, .. listings, $"counter {counter}"];
    }
}
