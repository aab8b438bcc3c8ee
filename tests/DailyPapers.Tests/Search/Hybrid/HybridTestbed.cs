using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Search.Lexical;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// A <see cref="LexicalTestbed"/> plus what semantic search adds, wired as the app wires them: stored vectors from the
/// real MiniLM model, the in-memory vector index following them, and <see cref="PaperSearch"/> over both.
/// </summary>
public sealed class HybridTestbed : IAsyncDisposable
{
    private HybridTestbed(LexicalTestbed lexical, TextEmbedder embedder, HybridOptions options)
    {
        Lexical = lexical;
        Embedder = embedder;
        Vectors = new PaperVectorStore(lexical.Store.Factory);
        Index = new VectorIndex(embedder.Dimensions, loadsFromStore: true);
        Follower = new VectorIndexFollower(Vectors, Index, embedder.Profile);
        PaperEmbedder = new PaperEmbedder(Vectors, embedder, EmbeddingWindow.All);
        Search = new PaperSearch(lexical.Searcher, new SemanticSearcher(embedder, Index), options);
        LexicalOnly = new PaperSearch(lexical.Searcher, null, options);
    }

    public LexicalTestbed Lexical { get; }

    public TextEmbedder Embedder { get; }

    public PaperVectorStore Vectors { get; }

    public VectorIndex Index { get; }

    public VectorIndexFollower Follower { get; }

    public PaperEmbedder PaperEmbedder { get; }

    public PaperSearch Search { get; }

    /// <summary>The same search with embeddings off by configuration.</summary>
    public PaperSearch LexicalOnly { get; }

    public static async Task<HybridTestbed> CreateAsync(
        TextEmbedder embedder, HybridOptions? options = null, StoreProvider provider = StoreProvider.Sqlite) =>
        new(await LexicalTestbed.CreateAsync(provider: provider), embedder, options ?? new HybridOptions());

    /// <summary>Everything caught up: the lexical index, every paper embedded, every vector loaded.</summary>
    public async Task ReadyAsync()
    {
        await Lexical.CatchUpAsync();
        while ((await PaperEmbedder.EmbedBatchAsync(CancellationToken.None)).Papers > 0)
        {
        }

        await Follower.CatchUpAsync(CancellationToken.None);
    }

    public IReadOnlyList<string> Ids(string query, SearchFilters? filters = null, SearchMode mode = SearchMode.Hybrid, SearchSort sort = SearchSort.Relevance) =>
        Search.Search(new PaperSearchRequest(SearchQuery.Parse(query), filters ?? SearchFilters.None, sort, 0, 20) { Mode = mode }).Ids;

    public async ValueTask DisposeAsync()
    {
        Follower.Dispose();
        Index.Dispose();
        await Lexical.DisposeAsync();
    }
}
