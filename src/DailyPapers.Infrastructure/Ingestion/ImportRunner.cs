using System.Threading.Channels;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Streams parsed items into the store in batches: parsing runs on one thread while the writer stores what was
/// parsed on another, so an import costs about max(parse, write) rather than their sum, in bounded memory.
/// </summary>
/// <remarks>
/// Each batch is one transaction, but items travel from the parser to the writer in small chunks, a few at a time:
/// an item is then written soon after it is parsed and dies young, where whole batches waiting in a queue outlived
/// several collections and spent more time in the garbage collector than in the parser.
/// </remarks>
public sealed class ImportRunner(PaperWriter writer)
{
    public const int DefaultBatchSize = 5000;

    /// <summary>Items per transaction: a killed import loses at most this many.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Items per hand-over from the parser to the writer.</summary>
    public int ChunkSize { get; init; } = 250;

    /// <summary>
    /// Chunks parsed ahead of the writer. Also all that is parsed while the store is being opened: parsing further
    /// ahead then measured slower, as the parser took the CPU the migrations needed and its records outlived more
    /// collections.
    /// </summary>
    public int ChunksAhead { get; init; } = 2;

    /// <param name="items">The parsed items; enumerated on a background thread.</param>
    /// <param name="progressProbe">Reads how much input has been consumed, for progress.</param>
    /// <param name="storeReady">Completes when the store may be written (migrations applied); parsing starts before.</param>
    /// <param name="journal">Checkpoints to commit with each batch, and where rejections go as they happen.</param>
    public async Task<ImportSummary> RunAsync(
        IEnumerable<SourceItem> items,
        Func<ImportProgress> progressProbe,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken,
        Task? storeReady = null,
        ImportJournal? journal = null)
    {
        var summary = new ImportSummary();
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(items, chunks.Writer, summary, journal, cancellationToken), cancellationToken);
        if (storeReady is not null)
        {
            await storeReady;
        }

        var imported = new ImportedIds();
        PaperBatch? batch = null;
        ImportCheckpoint? checkpoint = null;
        var inBatch = 0;
        var written = 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(chunk);
            }

            await CommitAsync();
        }
        finally
        {
            if (batch is not null)
            {
                await batch.DisposeAsync();
            }
        }

        await producer;
        progress?.Report(progressProbe() with { Records = written });
        return summary;

        async Task WriteAsync(Chunk chunk)
        {
            batch ??= await writer.BeginBatchAsync(imported, cancellationToken);
            foreach (var outcome in await batch.WriteAsync(chunk.Items, cancellationToken))
            {
                summary.Count(outcome);
            }

            checkpoint = chunk.Checkpoint;
            inBatch += chunk.Items.Count;
            if (inBatch >= BatchSize)
            {
                await CommitAsync();
            }
        }

        async Task CommitAsync()
        {
            if (batch is null)
            {
                return;
            }

            await batch.CommitAsync(checkpoint, cancellationToken);
            await batch.DisposeAsync();
            batch = null;
            written += inBatch;
            inBatch = 0;
            progress?.Report(progressProbe() with { Records = written });
        }
    }

    private async Task ProduceAsync(
        IEnumerable<SourceItem> items, ChannelWriter<Chunk> output, ImportSummary summary, ImportJournal? journal, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            // Chunks never straddle two batches, so each batch commits exactly BatchSize items.
            var chunk = new List<SourceItem>(ChunkSize);
            var inBatch = 0;
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item is RejectedItem rejected)
                {
                    // Only this thread adds rejections until the channel completes, and the reader looks after that.
                    summary.Reject(rejected);
                    journal?.Rejected?.Invoke(rejected);
                    continue;
                }

                chunk.Add(item);
                inBatch++;
                if (chunk.Count >= ChunkSize || inBatch >= BatchSize)
                {
                    // The input has read just this item's record so far: the checkpoint is right after it.
                    await output.WriteAsync(new Chunk(chunk, journal?.Checkpoint?.Invoke()), cancellationToken);
                    chunk = new List<SourceItem>(ChunkSize);
                    inBatch %= BatchSize;
                }
            }

            if (chunk.Count > 0)
            {
                await output.WriteAsync(new Chunk(chunk, journal?.Checkpoint?.Invoke()), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    /// <summary>Items handed from the parser to the writer, with where the input stood after the last of them.</summary>
    private sealed record Chunk(List<SourceItem> Items, ImportCheckpoint? Checkpoint);
}
