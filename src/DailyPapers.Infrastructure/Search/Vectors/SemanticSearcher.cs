using System.Numerics.Tensors;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors.Ann;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Search by meaning: the query embedded with the configured model, then the nearest paper vectors in the graph,
/// rescored with their exact vectors when <paramref name="exact"/> is given. The model is loaded at the first query
/// that needs it (about a second), so a site without vectors never loads it.
/// </summary>
public sealed class SemanticSearcher(Lazy<TextEmbedder> embedder, VectorIndex index, IExactVectors? exact = null)
{
    public SemanticSearcher(TextEmbedder embedder, VectorIndex index, IExactVectors? exact = null)
        : this(new Lazy<TextEmbedder>(embedder), index, exact)
    {
    }

    /// <summary>Whether the stored vectors are still being loaded after a start (see <see cref="VectorIndex.IsLoaded"/>).</summary>
    public bool IsLoading => !index.IsLoaded;

    /// <summary>Papers with a vector; the rest are found by words only until they are embedded.</summary>
    public int Count => index.Count;

    /// <summary>The query as a vector, or null for blank text or an empty index (nothing to compare it with).</summary>
    public float[]? Embed(string text) => string.IsNullOrWhiteSpace(text) || index.Count == 0 ? null : embedder.Value.EmbedQuery(text);

    /// <summary>The nearest papers to the text, best first (query embedding included).</summary>
    public IReadOnlyList<VectorHit> Search(string text, int k, IReadOnlyCollection<string>? within = null) =>
        Embed(text) is { } query ? Search(query, k, within) : [];

    /// <summary>
    /// The nearest papers to an embedded query, among <paramref name="within"/> when given; in the graph's order
    /// without <paramref name="rescore"/> (to be filtered, then <see cref="Rescore"/>d).
    /// </summary>
    public IReadOnlyList<VectorHit> Search(float[] query, int k, IReadOnlyCollection<string>? within = null, bool rescore = true)
    {
        var hits = index.Search(query, k, within);
        return rescore ? Rescore(query, hits) : hits;
    }

    /// <summary>The nearest papers among those allowed (see <see cref="Allow"/>), searched in the graph.</summary>
    internal IReadOnlyList<VectorHit> Search(float[] query, int k, AllowedKeys allowed) => Rescore(query, index.Search(query, k, allowed));

    /// <summary>The graph keys of these papers, for a filtered search.</summary>
    internal AllowedKeys Allow(IEnumerable<string> ids) => index.Allow(ids);

    /// <summary>The papers nearest to this paper's own vector, without it; empty when it has no vector yet.</summary>
    public IReadOnlyList<VectorHit> Similar(string id, int k)
    {
        var vector = exact?.Read([id]).GetValueOrDefault(id) ?? index.Find(id);
        return vector is null ? [] : Rescore(vector, index.Search(vector, k, except: id));
    }

    /// <summary>The hits in the order of their exact cosines (ties keep the graph's order); as they are without exact vectors.</summary>
    public IReadOnlyList<VectorHit> Rescore(float[] query, IReadOnlyList<VectorHit> hits)
    {
        if (exact is null || hits.Count == 0)
        {
            return hits;
        }

        var vectors = exact.Read([.. hits.Select(h => h.Id)]);
        return
        [
            .. hits.Select(h => vectors.TryGetValue(h.Id, out var vector) ? h with { Score = TensorPrimitives.Dot(query, vector) } : h)
                .OrderByDescending(h => h.Score),
        ];
    }
}
