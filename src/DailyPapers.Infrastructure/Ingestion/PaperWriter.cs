using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Writes batches of source items to the store, idempotently: each batch is one transaction (an interrupted
/// import leaves whole batches or nothing), existing rows are read under the change-sequence lock so two
/// importers never insert the same paper twice, and only rows that really change get a new change sequence.
/// </summary>
public sealed class PaperWriter(StoreContextFactory store, TimeProvider clock)
{
    /// <summary>Writes one batch and returns the outcome of each item, in order (rejections are not passed here).</summary>
    public async Task<IReadOnlyList<ImportOutcome>> WriteAsync(IReadOnlyList<SourceItem> items, CancellationToken cancellationToken)
    {
        await using var batch = await BeginBatchAsync(null, cancellationToken);
        var outcomes = await batch.WriteAsync(items, cancellationToken);
        await batch.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// Opens one batch (one transaction) to be written in chunks, so that a large batch need not be held in memory
    /// until its commit.
    /// </summary>
    /// <param name="imported">What this import has written so far, when it began on an empty store; null to always look up.</param>
    public Task<PaperBatch> BeginBatchAsync(ImportedIds? imported, CancellationToken cancellationToken) =>
        PaperBatch.BeginAsync(store, clock, imported, cancellationToken);
}
