using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Embeds the papers that have no vector (inside <c>Search:Embeddings:Since</c>), newest first, a batch per step, and loads each batch into this node's
/// index at once so that new vectors become searchable as they come (the other nodes load them by following).
/// </summary>
public sealed class BackgroundEmbedding(VectorIndexFollower follower, StoreContextFactory store, IServiceProvider services, ILogger<BackgroundEmbedding> logger)
{
    // The paper change sequence when nothing was left to embed: until it moves, there is nothing to look for.
    private long _settledAt = -1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sequence = await new PaperChangeReader(store).StoreSequenceAsync(cancellationToken);
        if (sequence == _settledAt)
        {
            return;
        }

        // Resolved here, not injected: the model loads only in a process that really embeds.
        var embedder = (PaperEmbedder)services.GetService(typeof(PaperEmbedder))!;
        var backlog = await embedder.CountPendingAsync(cancellationToken);
        if (backlog == 0)
        {
            _settledAt = sequence;
            return;
        }

        // Small backlogs (a harvest, an import of a day) go by quietly; a large one says how long search lags.
        if (backlog >= PaperEmbedder.BatchSize * 10)
        {
            logger.LogInformation(
                "Embedding {Count} papers ({Window}) in the background with {Model}, newest first; until then they are found by words only",
                backlog, embedder.Window.Describe(), embedder.Model);
        }

        var done = 0;
        for (var batch = await embedder.EmbedBatchAsync(cancellationToken); batch.Papers > 0; batch = await embedder.EmbedBatchAsync(cancellationToken))
        {
            done += batch.Embedded;
            await follower.CatchUpAsync(cancellationToken);
        }

        _settledAt = sequence;
        logger.LogInformation("Embedded {Count} papers; semantic search covers {Total}", done, follower.Count);
    }
}

/// <summary>
/// <see cref="BackgroundEmbedding"/> as a scheduled job: on PostgreSQL one node embeds at a time, and a batch cut short
/// by a dead node is embedded by the next run elsewhere (each batch commits on its own).
/// </summary>
[DisallowConcurrentExecution]
public sealed class EmbedPapersJob(BackgroundEmbedding embedding, ILogger<EmbedPapersJob> logger) : IJob
{
    public static readonly JobKey Key = new("embed-papers", "search");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await embedding.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store or the model failing must not end the schedule; the next run starts with what is still missing.
            logger.LogError(e, "Embedding papers in the background failed; it is tried again at the next run");
        }
    }
}
