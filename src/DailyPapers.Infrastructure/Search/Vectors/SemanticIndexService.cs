using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Keeps semantic search current while the app runs: loads vectors written anywhere into the in-memory index and,
/// with <see cref="EmbeddingOptions.Background"/>, embeds papers that have none, newest first, a batch per step so
/// that new vectors become searchable as they come.
/// </summary>
public sealed class SemanticIndexService(
    VectorIndexFollower follower,
    StoreContextFactory store,
    IServiceProvider services,
    IOptions<EmbeddingOptions> options,
    TimeProvider clock,
    ILogger<SemanticIndexService> logger)
    : FollowingService(clock, logger)
{
    private bool _modelLoaded;

    // The paper change sequence when nothing was left to embed: until it moves, there is nothing to look for.
    private long _settledAt = -1;

    protected override string Subject => "Semantic search";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (await follower.CatchUpAsync(cancellationToken) > 0 && !_modelLoaded)
        {
            // Load the model now rather than at the first search that needs it.
            _ = services.GetService(typeof(TextEmbedder));
            _modelLoaded = true;
        }

        if (!options.Value.Background)
        {
            return;
        }

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
            logger.LogInformation("Embedding {Count} papers in the background with {Model}, newest first; until then they are found by words only", backlog, embedder.Model);
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
