using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>Fills a <see cref="VectorIndex"/> for a benchmark: from the cache, by embedding, or with random vectors.</summary>
public static class BenchVectors
{
    /// <summary>Texts per call to the embedder: enough for it to batch by length, few enough for steady progress.</summary>
    private const int Chunk = 128;

    /// <summary>
    /// Every document's vector as the site computes it (<see cref="EmbeddingText.ForPaper"/> then
    /// <see cref="TextEmbedder.EmbedDocuments"/>), read from <paramref name="cacheDirectory"/> when a previous run saved
    /// them; <c>FromCache</c> says which.
    /// </summary>
    public static (VectorIndex Index, bool FromCache) Embed(
        IReadOnlyList<BenchDocument> documents,
        TextEmbedder embedder,
        string cacheDirectory,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var (vectors, fromCache) = EmbedAll(documents, embedder, cacheDirectory, progress, cancellationToken);
        var index = new VectorIndex(embedder.Dimensions);
        index.Apply(vectors.Select(v => (v.Id, (ReadOnlyMemory<float>)v.Vector)), 0);
        return (index, fromCache);
    }

    /// <summary>Every document's vector, as <see cref="Embed"/> computes it, without building an index of them.</summary>
    public static (IReadOnlyList<(string Id, float[] Vector)> Vectors, bool FromCache) EmbedAll(
        IReadOnlyList<BenchDocument> documents,
        TextEmbedder embedder,
        string cacheDirectory,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var path = VectorCache.PathFor(cacheDirectory, documents, embedder.Model, embedder.MaxTokens);
        if (VectorCache.TryRead(path) is { } cached && cached.Count == documents.Count)
        {
            return (cached, true);
        }

        var vectors = new List<(string Id, float[] Vector)>(documents.Count);
        progress?.Report(new BenchProgress("embedding documents", 0, documents.Count));
        foreach (var chunk in documents.Chunk(Chunk))
        {
            var texts = chunk.Select(d => EmbeddingText.ForPaper(d.Title, d.Text)).ToList();
            var embedded = embedder.EmbedDocuments(texts, cancellationToken);
            vectors.AddRange(chunk.Select((d, i) => (d.Id, embedded[i])));
            progress?.Report(new BenchProgress("embedding documents", vectors.Count, documents.Count));
        }

        VectorCache.Write(path, vectors);
        return (vectors, false);
    }

    /// <summary>Random unit vectors, one per id, with a fixed seed: the same work per search as real vectors.</summary>
    public static VectorIndex Random(IEnumerable<string> ids, int dimensions, int seed)
    {
        var random = new Random(seed);
        var index = new VectorIndex(dimensions);
        foreach (var batch in ids.Chunk(4096))
        {
            index.Apply(batch.Select(id => (id, (ReadOnlyMemory<float>)UnitVector(random, dimensions))), 0);
        }

        return index;
    }

    internal static float[] UnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            // Box–Muller: Gaussian components make the direction uniform on the sphere.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)gaussian;
            norm += gaussian * gaussian;
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }
}
