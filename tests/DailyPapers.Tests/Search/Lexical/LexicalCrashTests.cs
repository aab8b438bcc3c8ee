using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Search.Lexical;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>
/// After a stop or a kill -9 in the middle of indexing, a restart resumes from the last commit and ends with exactly
/// the store's papers: none missing, none twice, withdrawn ones gone.
/// </summary>
public sealed class LexicalCrashTests
{
    private static readonly LexicalOptions SmallPages = new() { BatchSize = 50, CommitInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task A_stop_without_commit_resumes_from_the_last_commit()
    {
        await using var bed = await LexicalTestbed.CreateAsync(SmallPages);
        var committed = await IndexThenChangeMoreAsync(bed);

        // Two pages applied and searchable, but never committed; then the process stops.
        await ApplyTwoPagesAsync(bed);
        Assert.True(bed.Index.AppliedSequence > committed);
        Assert.Equal([Id(350)], bed.Ids("350"));
        bed.Restart();

        Assert.Equal(committed, bed.Index.CommittedSequence);
        await AssertCatchUpEndsWithTheStoreAsync(bed, committed);
    }

    [Fact]
    public async Task A_kill_during_indexing_resumes_from_the_last_commit()
    {
        await using var bed = await LexicalTestbed.CreateAsync(SmallPages);
        var committed = await IndexThenChangeMoreAsync(bed);
        await ApplyTwoPagesAsync(bed);

        // The files as they are on disk at this instant, with the writer still open, stand for the killed process.
        var image = LexicalIndexFiles.CrashImage(bed.IndexPath);
        bed.Index.Dispose();
        LexicalIndexFiles.Replace(bed.IndexPath, image);
        bed.Restart();

        Assert.Equal(committed, bed.Index.CommittedSequence);
        await AssertCatchUpEndsWithTheStoreAsync(bed, committed);
    }

    [Fact]
    public async Task A_rebuild_stopped_half_way_leaves_the_old_index_whole()
    {
        await using var bed = await LexicalTestbed.CreateAsync(SmallPages);
        await bed.WriteAsync([.. Papers(1, 300)]);
        await bed.CatchUpAsync();
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress<RebuildProgress>(_ => stop.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bed.Indexer.RebuildAsync(progress, stop.Token));

        Assert.Equal(300, bed.AllIndexedIds().Count);
        bed.Restart();
        Assert.Equal(300, bed.AllIndexedIds().Count);
    }

    [Fact]
    public async Task A_rebuild_ends_with_exactly_the_store()
    {
        await using var bed = await LexicalTestbed.CreateAsync(SmallPages);
        await bed.WriteAsync([.. Papers(1, 120)]);
        await bed.CatchUpAsync();
        await bed.WriteAsync(LexicalPapers.Deletion(Id(7)));

        var summary = await bed.Indexer.RebuildAsync(null, CancellationToken.None);

        Assert.Equal(119, summary.Indexed);
        Assert.Equal(await LexicalIndexerTests.StoredIdsAsync(bed), bed.AllIndexedIds());
    }

    [Fact]
    public async Task A_first_catch_up_adds_papers_without_deletes_and_a_paper_changed_meanwhile_is_still_indexed_once()
    {
        await using var fresh = await LexicalTestbed.CreateAsync(SmallPages);
        await fresh.WriteAsync([.. Papers(1, 200)]);
        await fresh.WriteAsync([.. Enumerable.Range(191, 10).Select(i => LexicalPapers.Deletion(Id(i)))]);
        var upTo = await new PaperChangeReader(fresh.Store.Factory).StoreSequenceAsync(CancellationToken.None);

        // Half-way through a first catch-up from an empty index, a paper it has already added changes.
        await fresh.Indexer.ApplyNextPageAsync(isRebuild: false, addUpTo: upTo, CancellationToken.None);
        await fresh.WriteAsync(LexicalPapers.Paper(Id(3), "Renamed paper 3", upvotes: 4));
        while ((await fresh.Indexer.ApplyNextPageAsync(isRebuild: false, addUpTo: upTo, CancellationToken.None)).More)
        {
        }

        fresh.Index.Refresh();
        var indexed = fresh.AllIndexedIds();
        Assert.Equal(indexed.Distinct().Count(), indexed.Count);
        Assert.Equal(190, fresh.Index.DocumentCount);
        Assert.Equal(1, fresh.Search("renamed").TotalHits);
    }

    /// <summary>Indexes 300 papers and commits; then the store gets 200 new, 20 changed and 5 withdrawn papers.</summary>
    private static async Task<long> IndexThenChangeMoreAsync(LexicalTestbed bed)
    {
        await bed.WriteAsync([.. Papers(1, 300)]);
        var first = await bed.CatchUpAsync();
        Assert.Equal(300, first.Indexed);

        await bed.WriteAsync([.. Papers(301, 200)]);
        await bed.WriteAsync([.. Enumerable.Range(1, 20).Select(i => LexicalPapers.Paper(Id(i), $"Renamed paper {i}", upvotes: 3))]);
        await bed.WriteAsync([.. Enumerable.Range(21, 5).Select(i => LexicalPapers.Deletion(Id(i)))]);
        return first.Sequence;
    }

    /// <summary>As a catch-up does between commits: pages applied, and flushed to new segment files by a refresh.</summary>
    private static async Task ApplyTwoPagesAsync(LexicalTestbed bed)
    {
        await bed.Indexer.ApplyNextPageAsync(isRebuild: false, addUpTo: 0, CancellationToken.None);
        bed.Index.Refresh();
        await bed.Indexer.ApplyNextPageAsync(isRebuild: false, addUpTo: 0, CancellationToken.None);
        bed.Index.Refresh();
    }

    private static async Task AssertCatchUpEndsWithTheStoreAsync(LexicalTestbed bed, long resumedFrom)
    {
        var summary = await bed.CatchUpAsync();
        var indexed = bed.AllIndexedIds();

        // Everything after the commit is read again: 200 new, 20 changed, 5 withdrawn, and nothing before it.
        Assert.Equal((220, 5), (summary.Indexed, summary.Removed));
        Assert.True(summary.Sequence > resumedFrom);
        Assert.Equal(indexed.Distinct().Count(), indexed.Count);
        Assert.Equal(await LexicalIndexerTests.StoredIdsAsync(bed), indexed);
        Assert.Equal(495, bed.Index.DocumentCount);
        Assert.Equal(20, bed.Search("renamed").TotalHits);
    }

    private static IEnumerable<PaperItem> Papers(int first, int count) =>
        Enumerable.Range(first, count).Select(i => LexicalPapers.Paper(Id(i), $"Paper number {i} about graphs"));

    private static string Id(int i) => $"2506.{i:D5}";

    /// <summary>Reports on the caller's thread, so the test can cancel at a known point.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
