using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>
/// Stores real vectors for the papers of a Kaggle file that the store holds: each embedded as the site embeds it, once
/// per corpus and model (the bench cache keeps them), so that recall is measured on the structure of real embeddings.
/// </summary>
public static class EmbeddedVectorFill
{
    private const int WriteBatch = 5000;

    public static async Task<long> RunAsync(
        string kaggleFile, TextEmbedder embedder, PaperVectorStore vectors, string cacheDirectory, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var documents = ImportInput.Open(SourceKind.Kaggle, kaggleFile).ReadAll(cancellationToken)
            .OfType<PaperItem>()
            .Select(item => new BenchDocument(item.Paper.Id.Value, item.Paper.Title, item.Paper.Abstract))
            .ToList();
        var (index, _) = BenchVectors.Embed(documents, embedder, cacheDirectory, progress, cancellationToken);
        using (index)
        {
            var exact = VectorCache.TryRead(VectorCache.PathFor(cacheDirectory, documents, embedder.Model))!
                .ToDictionary(v => v.Id, v => v.Vector, StringComparer.Ordinal);
            long written = 0;
            while (true)
            {
                var pending = await vectors.ReadPendingAsync(embedder.Profile.Name, WriteBatch, cancellationToken);
                var known = pending.Where(p => exact.ContainsKey(p.Id)).ToList();
                if (known.Count == 0)
                {
                    return written;
                }

                await vectors.WriteAsync(embedder.Profile.Name, known, known.ToDictionary(p => p.Id, p => exact[p.Id], StringComparer.Ordinal), cancellationToken);
                written += known.Count;
                progress?.Report(new BenchProgress("storing embedded vectors", (int)written, exact.Count));
            }
        }
    }
}
