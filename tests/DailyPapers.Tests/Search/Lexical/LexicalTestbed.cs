using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>A real store (SQLite unless asked) with a real index in its data folder, wired as the app wires them.</summary>
public sealed class LexicalTestbed : IAsyncDisposable
{
    private LexicalTestbed(TestStore store, LexicalOptions options)
    {
        Store = store;
        Options = options;
        Writer = new PaperWriter(store.Factory, TimeProvider.System);
        (Index, Indexer, Searcher) = Open();
    }

    public TestStore Store { get; }

    public LexicalOptions Options { get; }

    public PaperWriter Writer { get; }

    public LexicalIndex Index { get; private set; }

    public LexicalIndexer Indexer { get; private set; }

    public LexicalSearcher Searcher { get; private set; }

    public string IndexPath => LexicalSearchServiceCollectionExtensions.IndexPath(Store.DataDirectory);

    public static async Task<LexicalTestbed> CreateAsync(LexicalOptions? options = null, StoreProvider provider = StoreProvider.Sqlite) =>
        new(await TestStore.CreateAsync(provider), options ?? new LexicalOptions());

    public Task WriteAsync(params SourceItem[] items) => Writer.WriteAsync(items, CancellationToken.None);

    public async Task<ImportSummary> ImportAsync(SourceKind kind, string path)
    {
        var input = ImportInput.Open(kind, path);
        return await new ImportRunner(Writer).RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
    }

    public Task<CatchUpSummary> CatchUpAsync() => Indexer.CatchUpAsync(CancellationToken.None);

    /// <summary>Closes the index without committing (as a stopped process) and opens it again, as a restart does.</summary>
    public void Restart()
    {
        Close();
        (Index, Indexer, Searcher) = Open();
    }

    public LexicalSearchResult Search(string query, SearchFilters? filters = null, SearchSort sort = SearchSort.Relevance, int limit = 100) =>
        Searcher.Search(SearchQuery.Parse(query), filters ?? SearchFilters.None, sort, 0, limit);

    public List<string> Ids(string query, SearchFilters? filters = null, SearchSort sort = SearchSort.Relevance) =>
        [.. Search(query, filters, sort).Hits.Select(h => h.Id)];

    /// <summary>Every id the index holds, with repeats if there were any.</summary>
    public List<string> AllIndexedIds()
    {
        var all = Searcher.Search(SearchQuery.Parse(""), SearchFilters.None, SearchSort.Relevance, 0, LexicalSearcher.MaxLimit);
        Assert.True(all.TotalHits <= LexicalSearcher.MaxLimit, "the testbed lists at most MaxLimit papers");
        return [.. all.Hits.Select(h => h.Id).Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await Store.DisposeAsync();
    }

    private (LexicalIndex, LexicalIndexer, LexicalSearcher) Open()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var index = new LexicalIndex(IndexPath, Options, NullLogger<LexicalIndex>.Instance);
        var indexer = new LexicalIndexer(index, Store.Factory, options, TimeProvider.System, NullLogger<LexicalIndexer>.Instance);
        return (index, indexer, new LexicalSearcher(index, options));
    }

    private void Close()
    {
        Indexer.Dispose();
        Index.Dispose();
    }
}
