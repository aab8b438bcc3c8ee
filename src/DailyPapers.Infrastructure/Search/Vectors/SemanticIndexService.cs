using DailyPapers.Infrastructure.Search.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Keeps semantic search current on this node while the app runs: loads vectors written anywhere (by
/// <see cref="EmbedPapersJob"/> on whichever node runs it, or by <c>dailypapers embed</c>) into the in-memory index.
/// </summary>
public sealed class SemanticIndexService(
    VectorIndexFollower follower,
    IServiceProvider services,
    IOptions<EmbeddingOptions> options,
    TimeProvider clock,
    ILogger<SemanticIndexService> logger)
    : FollowingService(clock, logger)
{
    private bool _modelLoaded;

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
    }
}
