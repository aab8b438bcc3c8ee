using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// The outcome of <see cref="SearchLatencyBench"/>: latency per kind of search, memory, and index sizes.
/// </summary>
/// <param name="Vectors">"random" (unit vectors with a fixed seed, for latency only) or "cache" (real embeddings found in the bench cache).</param>
/// <param name="RssMb">Resident memory after indexing, a full GC and every search: what serving these papers holds.</param>
/// <param name="PeakRssMb">The process's high-water mark, indexing included.</param>
/// <param name="Fts5Skipped">Queries FTS5 cannot express (none from the generator; kept honest).</param>
public sealed record SearchLatencyReport(
    int Papers,
    EmbeddingModelKind Model,
    string Vectors,
    IReadOnlyList<LatencyResult> Modes,
    int WarmUpQueries,
    IReadOnlyList<string> SampleQueries,
    double RssMb,
    double PeakRssMb,
    long LexicalIndexBytes,
    long Fts5Bytes,
    long VectorBytes,
    double IndexSeconds,
    int Fts5Skipped)
{
    /// <summary>The slowest measured searches of any mode, slowest first, each as "mode N ms: query".</summary>
    public IReadOnlyList<string> SlowestQueries { get; init; } = [];
}
