using DailyPapers.Infrastructure.Search.Embeddings;
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
    IServiceProvider services,
    IOptions<EmbeddingOptions> options,
    TimeProvider clock,
    ILogger<SemanticIndexService> logger)
    : FollowingService(clock, logger)
{
    private bool _reportedBacklog;

    protected override string Subject => "Semantic search";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task FollowAsync(CancellationToken cancellationToken)
    {
        await follower.CatchUpAsync(cancellationToken);
        if (!options.Value.Background)
        {
            return;
        }

        // Resolved here, not injected: the model loads only in a process that really embeds.
        var embedder = (PaperEmbedder)services.GetService(typeof(PaperEmbedder))!;
        if (!_reportedBacklog && await embedder.CountPendingAsync(cancellationToken) is > 0 and var backlog)
        {
            logger.LogInformation("Embedding {Count} papers in the background with {Model}; until then they are found by words only", backlog, embedder.Model);
            _reportedBacklog = true;
        }

        while ((await embedder.EmbedBatchAsync(cancellationToken)).Papers > 0)
        {
            await follower.CatchUpAsync(cancellationToken);
        }
    }
}
