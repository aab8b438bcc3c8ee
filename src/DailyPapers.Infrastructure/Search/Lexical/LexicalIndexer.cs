using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Keeps the lexical index equal to the store by following its change sequence. Each commit records the last
/// sequence it covers, and only what was committed counts after a crash: a restart reads on from there, and since
/// every paper is replaced by id (or deleted by id), a change applied twice leaves the same index as once.
/// <para>
/// This relies on change sequences becoming visible in order: a reader that sees sequence n sees every
/// sequence below n. PaperWriter guarantees it by holding the <c>store_counters</c> row (PostgreSQL row lock,
/// SQLite write lock) from taking its first number to its commit, so no later writer can commit first. A writer
/// that numbered changes outside that lock would make the index skip papers.
/// </para>
/// </summary>
public sealed class LexicalIndexer(
    LexicalIndex index, StoreContextFactory store, IOptions<LexicalOptions> options, TimeProvider clock, ILogger<LexicalIndexer> logger)
    : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While a catch-up is filling an empty index, it refreshes after this share of the time it has run so far (and no
    /// more often than every <see cref="RefreshInterval"/>): a refresh writes what is buffered as a segment, and once a
    /// second over a first catch-up of millions of papers made a small segment a second to merge again and again.
    /// </summary>
    private const double FillingRefreshShare = 0.1;

    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly PaperChangeReader _changes = new(store);

    /// <summary>
    /// Indexes every paper changed since the last catch-up, in pages: searchable about every second while it runs
    /// and all of it when it returns, committed every <see cref="LexicalOptions.CommitInterval"/> and at the end.
    /// An index ahead of the store (a restored backup) is rebuilt.
    /// </summary>
    public async Task<CatchUpSummary> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var storeSequence = await _changes.StoreSequenceAsync(cancellationToken);
            var isBehind = storeSequence < index.AppliedSequence;
            if (isBehind)
            {
                // The index has changes the store never made: a restored backup or another database. Start over.
                logger.LogWarning(
                    "The store's change sequence ({StoreSequence}) is behind the search index's ({IndexSequence}): the store was restored or replaced, so the index is rebuilt from it",
                    storeSequence, index.AppliedSequence);
                index.DeleteAll();
            }

            // From an empty index, every paper changed up to now arrives once and is added, not updated.
            var addUpTo = isBehind || (index.AppliedSequence == 0 && index.IsEmpty) ? storeSequence : 0;
            var summary = await FollowAsync(isRebuild: isBehind, addUpTo, null, 0, cancellationToken);
            if (summary.ChangedAnything)
            {
                logger.LogInformation(
                    "Search index: {Indexed} papers indexed, {Removed} removed, up to change {Sequence}, in {Elapsed} ms",
                    summary.Indexed, summary.Removed, summary.Sequence, (long)summary.Elapsed.TotalMilliseconds);
            }

            return summary;
        }
        catch
        {
            // Back to the last commit: a writer that failed half-way may be unusable, and the store has it all.
            index.RollBack();
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Rebuilds the index from the whole store (<c>dailypapers reindex</c>): every document is deleted and every
    /// paper indexed again in the same writer, and the result is committed once, at the end. Until then, searches
    /// see the old index and the commit on disk is the old one, so a failure or a crash at any point leaves the old
    /// index, whole, to be caught up as usual. Lucene's commit is the atomic swap, with no folder renames.
    /// </summary>
    public async Task<CatchUpSummary> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            await using (var context = store.CreateContext())
            {
                total = await context.Papers.CountAsync(p => !p.IsDeleted, cancellationToken);
            }

            var storeSequence = await _changes.StoreSequenceAsync(cancellationToken);
            index.DeleteAll();
            var summary = await FollowAsync(isRebuild: true, storeSequence, progress, total, cancellationToken);
            logger.LogInformation(
                "Search index rebuilt: {Indexed} papers, up to change {Sequence}, in {Elapsed} ms",
                summary.Indexed, summary.Sequence, (long)summary.Elapsed.TotalMilliseconds);
            return summary;
        }
        catch
        {
            index.RollBack();
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();

    /// <summary>
    /// Reads the next page of changes and applies it to the writer, without refreshing or committing (a test uses it
    /// to stop half-way). Returns how many papers were indexed and removed, and whether the store may have more.
    /// </summary>
    /// <param name="addUpTo">
    /// Changes up to this sequence are papers the index does not hold (it was empty when this pass began, and each paper
    /// is read once at its latest change): added without a delete by id, which at millions of papers is most of the
    /// cost of updating. Papers changed during the pass come after it and are updated as usual.
    /// </param>
    internal async Task<(int Indexed, int Removed, bool More)> ApplyNextPageAsync(bool isRebuild, long addUpTo, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        var page = await _changes.ReadAsync(index.AppliedSequence, batchSize, cancellationToken);
        var (indexed, removed) = Apply(page, isRebuild, addUpTo, cancellationToken);
        return (indexed, removed, page.Count == batchSize);
    }

    private async Task<CatchUpSummary> FollowAsync(
        bool isRebuild, long addUpTo, IProgress<RebuildProgress>? progress, int total, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var (lastCommit, lastRefresh) = (started, started);
        var (indexed, removed, more) = (0, 0, true);
        while (more)
        {
            var page = await ApplyNextPageAsync(isRebuild, addUpTo, cancellationToken);
            (indexed, removed, more) = (indexed + page.Indexed, removed + page.Removed, page.More);
            progress?.Report(new RebuildProgress(indexed, Math.Max(total, indexed)));
            if (isRebuild || !more)
            {
                // A rebuild publishes nothing before it is complete; the end of a catch-up is handled below.
                continue;
            }

            // Searchable about every second, durable every CommitInterval. Refreshing after every page would cut
            // the index into many small segments and make a first catch-up half again as slow; filling an empty
            // index, the pause grows with the time it has run (papers are searchable within seconds at first, and
            // a 30-minute fill refreshes every few minutes at the end).
            var refreshAfter = index.AppliedSequence < addUpTo
                ? TimeSpan.FromTicks(Math.Max(RefreshInterval.Ticks, (long)(clock.GetElapsedTime(started).Ticks * FillingRefreshShare)))
                : RefreshInterval;
            if (clock.GetElapsedTime(lastRefresh) >= refreshAfter)
            {
                index.Refresh();
                lastRefresh = clock.GetTimestamp();
            }

            if (clock.GetElapsedTime(lastCommit) >= options.Value.CommitInterval)
            {
                index.Commit();
                lastCommit = clock.GetTimestamp();
            }
        }

        if (isRebuild || index.AppliedSequence != index.CommittedSequence)
        {
            index.Commit();
            index.Refresh();
        }

        return new CatchUpSummary(indexed, removed, index.CommittedSequence, clock.GetElapsedTime(started));
    }

    /// <summary>Applies a page on every core: analysing titles and abstracts is most of the cost of indexing.</summary>
    private (int Indexed, int Removed) Apply(IReadOnlyList<PaperChange> page, bool isRebuild, long addUpTo, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return (0, 0);
        }

        // Each paper is in a page once, so the order of updates within a page does not matter.
        var (indexed, removed) = (0, 0);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(page, parallel, change =>
        {
            if (change.Document is { } document)
            {
                if (change.Sequence <= addUpTo)
                {
                    index.Add(document);
                }
                else
                {
                    index.Upsert(document);
                }

                Interlocked.Increment(ref indexed);
            }
            else if (!isRebuild && change.Sequence > addUpTo)
            {
                // After DeleteAll a rebuild has nothing to delete; here the id may or may not be indexed, either is fine.
                index.Delete(change.Id);
                Interlocked.Increment(ref removed);
            }
        });

        index.MarkApplied(page[^1].Sequence);
        return (indexed, removed);
    }
}
