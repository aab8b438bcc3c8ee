namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>How a model turns its per-token outputs into one vector; neither graph does it, so we must.</summary>
public enum EmbeddingPooling
{
    /// <summary>The average of the token vectors under the attention mask (sentence-transformers' mean pooling).</summary>
    Mean,

    /// <summary>The vector of the first token, <c>[CLS]</c>.</summary>
    Cls,
}
