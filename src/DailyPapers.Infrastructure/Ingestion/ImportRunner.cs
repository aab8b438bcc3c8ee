using System.Threading.Channels;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Streams parsed items into the store in batches: parsing runs on one thread while the previous batch is
/// written on another, so an import costs about max(parse, write) rather than their sum, in bounded memory.
/// </summary>
public sealed class ImportRunner(PaperWriter writer)
{
    public const int DefaultBatchSize = 5000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Batches parsed ahead of the writer; enough to keep parsing while the store is being opened.</summary>
    public int BatchesAhead { get; init; } = 3;

    /// <param name="items">The parsed items; enumerated on a background thread.</param>
    /// <param name="progressProbe">Reads how much input has been consumed, for progress.</param>
    /// <param name="storeReady">Completes when the store may be written (migrations applied); parsing starts before.</param>
    public async Task<ImportSummary> RunAsync(
        IEnumerable<SourceItem> items,
        Func<ImportProgress> progressProbe,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken,
        Task? storeReady = null)
    {
        var summary = new ImportSummary();
        var batches = Channel.CreateBounded<List<SourceItem>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(items, batches.Writer, summary, cancellationToken), cancellationToken);
        if (storeReady is not null)
        {
            await storeReady;
        }

        var written = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            var outcomes = await writer.WriteAsync(batch, cancellationToken);
            foreach (var outcome in outcomes)
            {
                summary.Count(outcome);
            }

            written += batch.Count;
            progress?.Report(progressProbe() with { Records = written });
        }

        await producer;
        progress?.Report(progressProbe() with { Records = written });
        return summary;
    }

    private async Task ProduceAsync(
        IEnumerable<SourceItem> items, ChannelWriter<List<SourceItem>> output, ImportSummary summary, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var batch = new List<SourceItem>(BatchSize);
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item is RejectedItem rejected)
                {
                    // Only this thread adds rejections until the channel completes, and the reader looks after that.
                    summary.Rejections.Add(rejected);
                    continue;
                }

                batch.Add(item);
                if (batch.Count >= BatchSize)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new List<SourceItem>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken);
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
}
