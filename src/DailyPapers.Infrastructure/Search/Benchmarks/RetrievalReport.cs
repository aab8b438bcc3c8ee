using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// A retrieval benchmark's outcome: per mode the measures, with what produced them (corpus, split, model, where the
/// vectors came from, and the options in effect).
/// </summary>
/// <param name="Vectors">"cache", "embedded" (and now cached) or "none" when no mode needed them.</param>
public sealed record RetrievalReport(
    string Dataset,
    string Split,
    RetrievalMeasure Measure,
    int Documents,
    EmbeddingModelKind Model,
    string Vectors,
    LexicalOptions Lexical,
    HybridOptions Hybrid,
    IReadOnlyList<ModeResult> Modes);
