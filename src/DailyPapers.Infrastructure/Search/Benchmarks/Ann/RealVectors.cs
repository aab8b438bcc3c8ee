using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>
/// The real vectors of the papers of a Kaggle file, by id: each embedded as the site embeds it, once per corpus and
/// model (the bench cache keeps them), so that recall is measured on the structure of real embeddings.
/// </summary>
public static class RealVectors
{
    public static IReadOnlyDictionary<string, float[]> Embed(
        string kaggleFile, TextEmbedder embedder, string cacheDirectory, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var documents = ImportInput.Open(SourceKind.Kaggle, kaggleFile).ReadAll(cancellationToken)
            .OfType<PaperItem>()
            .Select(item => new BenchDocument(item.Paper.Id.Value, item.Paper.Title, item.Paper.Abstract))
            .ToList();
        var (vectors, _) = BenchVectors.EmbedAll(documents, embedder, cacheDirectory, progress, cancellationToken);
        return vectors.ToDictionary(v => v.Id, v => v.Vector, StringComparer.Ordinal);
    }
}
