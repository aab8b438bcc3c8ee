using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>The index follows the store's change sequence: everything once, new writes, withdrawals, updates.</summary>
public sealed class LexicalIndexerTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Catch_up_indexes_every_stored_paper_and_a_second_catch_up_does_nothing(StoreProvider provider)
    {
        await using var bed = await LexicalTestbed.CreateAsync(new LexicalOptions { BatchSize = 64 }, provider);
        await bed.ImportAsync(SourceKind.Kaggle, TestData.Path("kaggle-snapshot-sample"));
        await bed.ImportAsync(SourceKind.HfDaily, TestData.Path("hf-daily-papers", "2024-05-27.json"));
        var stored = await StoredIdsAsync(bed);

        var first = await bed.CatchUpAsync();
        var second = await bed.CatchUpAsync();

        Assert.Equal(stored.Count, first.Indexed);
        Assert.Equal(stored, bed.AllIndexedIds());
        Assert.Equal((0, 0, first.Sequence), (second.Indexed, second.Removed, second.Sequence));
        Assert.Equal(first.Sequence, bed.Index.CommittedSequence);
    }

    [Fact]
    public async Task A_paper_written_after_a_catch_up_is_found_after_the_next_one()
    {
        await using var bed = await LexicalTestbed.CreateAsync();
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks"));
        await bed.CatchUpAsync();
        Assert.Empty(bed.Ids("hyperbolic"));

        await bed.WriteAsync(LexicalPapers.Paper("2506.00002", "Hyperbolic embeddings"));
        var summary = await bed.CatchUpAsync();

        Assert.Equal(1, summary.Indexed);
        Assert.Equal(["2506.00002"], bed.Ids("hyperbolic"));
    }

    [Fact]
    public async Task A_withdrawn_paper_disappears_from_the_index()
    {
        await using var bed = await LexicalTestbed.CreateAsync();
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks"), LexicalPapers.Paper("2506.00002", "Graph kernels"));
        await bed.CatchUpAsync();

        await bed.WriteAsync(LexicalPapers.Deletion("2506.00001"));
        var summary = await bed.CatchUpAsync();

        Assert.Equal(1, summary.Removed);
        Assert.Equal(["2506.00002"], bed.Ids("graph"));
    }

    [Fact]
    public async Task A_changed_paper_is_replaced_not_added_again()
    {
        await using var bed = await LexicalTestbed.CreateAsync();
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks"));
        await bed.CatchUpAsync();

        // A new listing with votes is a change of the paper too: its votes must follow.
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks", submitted: new DateOnly(2025, 6, 10), upvotes: 7));
        await bed.CatchUpAsync();

        Assert.Equal(["2506.00001"], bed.AllIndexedIds());
        Assert.Equal(["2506.00001"], bed.Ids("graph", new() { MinVotes = 7 }));
    }

    [Fact]
    public async Task An_index_written_by_another_schema_version_is_rebuilt_from_the_store()
    {
        await using var bed = await LexicalTestbed.CreateAsync();
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks"));
        bed.Index.Dispose();
        LexicalIndexFiles.WriteForeignCommit(bed.IndexPath, "2506.09999", schema: "0", sequence: 99);
        bed.Restart();

        await bed.CatchUpAsync();

        Assert.Equal(["2506.00001"], bed.AllIndexedIds());
    }

    [Fact]
    public async Task An_index_ahead_of_its_store_is_rebuilt_from_the_store()
    {
        // As after restoring an older backup: the index holds changes the store no longer has.
        await using var bed = await LexicalTestbed.CreateAsync();
        await bed.WriteAsync(LexicalPapers.Paper("2506.00001", "Graph neural networks"), LexicalPapers.Paper("2506.00002", "Graph kernels"));
        await bed.WriteAsync(LexicalPapers.Paper("2506.00003", "Graph drawing"));
        await bed.CatchUpAsync();
        await using (var context = bed.Store.Factory.CreateContext())
        {
            await context.Papers.Where(p => p.Id != "2506.00001").ExecuteDeleteAsync();
            await context.Counters.ExecuteUpdateAsync(c => c.SetProperty(x => x.Value, 1));
        }

        var summary = await bed.CatchUpAsync();

        Assert.Equal((1, 1L), (summary.Indexed, summary.Sequence));
        Assert.Equal(["2506.00001"], bed.AllIndexedIds());
    }

    internal static async Task<List<string>> StoredIdsAsync(LexicalTestbed bed)
    {
        await using var context = bed.Store.Factory.CreateContext();
        var ids = await context.Papers.Where(p => !p.IsDeleted).Select(p => p.Id).ToListAsync();
        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
