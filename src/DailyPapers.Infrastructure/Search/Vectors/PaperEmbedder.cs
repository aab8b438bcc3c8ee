using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Embeds the papers that have no current vector (inside <c>Search:Embeddings:Since</c>), a batch at a time, each
/// batch committed on its own: stopping at any point (Ctrl+C, kill -9) loses at most the batch in flight, and the next
/// run starts with what is still missing.
/// </summary>
public sealed class PaperEmbedder(PaperVectorStore vectors, TextEmbedder embedder, EmbeddingWindow window)
{
    /// <summary>
    /// Papers per round trip: a second or two of model time, so progress is visible and a stop is quick. The embedder
    /// sorts them by length; a wider window would not pay: most arXiv abstracts reach the token cut, so batches sorted
    /// within 32 papers already carry almost no padding (docs/benchmarks.md, "Embedding speed (issue 14)").
    /// </summary>
    public const int BatchSize = 32;

    public string Model => embedder.Profile.Name;

    /// <summary>Which papers are embedded (<c>Search:Embeddings:Since</c>).</summary>
    public EmbeddingWindow Window => window;

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) => vectors.CountPendingAsync(Model, window.Cutoff(), cancellationToken);

    /// <summary>One batch; returns how many papers it brought up to date (0 when none was pending).</summary>
    public async Task<EmbedBatchResult> EmbedBatchAsync(CancellationToken cancellationToken)
    {
        var pending = await vectors.ReadPendingAsync(Model, window.Cutoff(), BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return new EmbedBatchResult(0, 0);
        }

        var changed = pending.Where(p => !p.IsUnchanged).ToList();
        var embedded = changed.Count == 0
            ? []
            : embedder.EmbedDocuments([.. changed.Select(p => p.Text)], cancellationToken);
        var byId = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < changed.Count; i++)
        {
            byId[changed[i].Id] = embedded[i];
        }

        // Not cancellable: the model time is spent, and the write is one short transaction.
        await vectors.WriteAsync(Model, pending, byId, CancellationToken.None);
        return new EmbedBatchResult(pending.Count, changed.Count);
    }
}
