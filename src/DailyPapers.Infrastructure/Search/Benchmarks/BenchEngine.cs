using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// The site's search engine over a benchmark corpus, in a throwaway folder deleted on dispose: the real Lucene
/// index and searcher, and (when vectors are given) the real vector index and <see cref="PaperSearch"/> over both.
/// </summary>
public sealed class BenchEngine : IDisposable
{
    private readonly LexicalOptions _lexicalOptions;
    private VectorIndex? _vectors;
    private TextEmbedder? _embedder;

    public BenchEngine(LexicalOptions lexicalOptions)
    {
        _lexicalOptions = lexicalOptions;
        Directory = Path.Combine(Path.GetTempPath(), $"dailypapers-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Index = new LexicalIndex(Path.Combine(Directory, "lexical"), lexicalOptions, NullLogger<LexicalIndex>.Instance);
    }

    /// <summary>The throwaway folder (the index lives in <c>lexical/</c>; peers may add their own files).</summary>
    public string Directory { get; }

    internal LexicalIndex Index { get; }

    public int DocumentCount => Index.DocumentCount;

    public int VectorCount => _vectors?.Count ?? 0;

    /// <summary>Bytes of the Lucene index on disk.</summary>
    public long LexicalIndexBytes => new DirectoryInfo(Index.Path).EnumerateFiles().Sum(f => f.Length);

    /// <summary>Adds documents on every core, as the app's indexer does; call <see cref="Publish"/> to make them searchable.</summary>
    public void Add(IReadOnlyList<LexicalDocument> documents, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(documents, parallel, Index.Upsert);
    }

    /// <summary>Commits and refreshes, so searches see everything added (and segments are as the app leaves them).</summary>
    public void Publish()
    {
        Index.Commit();
        Index.Refresh();
    }

    /// <summary>Turns the vector side on: queries are embedded with <paramref name="embedder"/> and searched in <paramref name="vectors"/>.</summary>
    public void UseVectors(VectorIndex vectors, TextEmbedder embedder) => (_vectors, _embedder) = (vectors, embedder);

    /// <summary>The site's search with these options (lexical options other than BM25's K1 and B take effect here).</summary>
    public PaperSearch Search(HybridOptions hybrid, LexicalOptions? lexical = null)
    {
        var searcher = new LexicalSearcher(Index, Options.Create(lexical ?? _lexicalOptions));
        var semantic = _vectors is not null && _embedder is not null ? new SemanticSearcher(_embedder, _vectors) : null;
        return new PaperSearch(searcher, semantic, hybrid);
    }

    public void Dispose()
    {
        Index.Dispose();
        _vectors?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a searcher on another thread: the folder is in the temp dir anyway.
        }
    }

    /// <summary>A BEIR passage or a paper as the index holds it: no authors, categories, day, votes or code.</summary>
    public static LexicalDocument ToLexical(BenchDocument document) =>
        new(document.Id, document.Title, document.Text, Authors: [], Categories: [], Day: null, Votes: 0, HasCode: false);
}
