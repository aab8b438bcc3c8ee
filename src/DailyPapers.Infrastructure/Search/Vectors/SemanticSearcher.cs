using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Search by meaning: the query embedded with the configured model, then the nearest paper vectors. The model is
/// loaded at the first query that needs it (about a second), so a site without vectors never loads it.
/// </summary>
public sealed class SemanticSearcher(Lazy<TextEmbedder> embedder, VectorIndex index)
{
    public SemanticSearcher(TextEmbedder embedder, VectorIndex index)
        : this(new Lazy<TextEmbedder>(embedder), index)
    {
    }

    /// <summary>Whether the stored vectors are still being loaded after a start (see <see cref="VectorIndex.IsLoaded"/>).</summary>
    public bool IsLoading => !index.IsLoaded;

    /// <summary>Papers with a vector; the rest are found by words only until they are embedded.</summary>
    public int Count => index.Count;

    /// <summary>The nearest papers to the text, best first (query embedding included).</summary>
    public IReadOnlyList<VectorHit> Search(string text, int k, IReadOnlyCollection<string>? within = null) =>
        string.IsNullOrWhiteSpace(text) || index.Count == 0 ? [] : index.Search(embedder.Value.EmbedQuery(text), k, within);

    /// <summary>The papers nearest to this paper's own vector, without it; empty when it has no vector yet.</summary>
    public IReadOnlyList<VectorHit> Similar(string id, int k) =>
        index.Find(id) is { } vector ? index.Search(vector, k, except: id) : [];
}
