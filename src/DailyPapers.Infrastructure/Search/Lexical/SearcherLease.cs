using Lucene.Net.Search;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// A point-in-time searcher borrowed from the index; disposing gives it back. It stays valid even if the index is
/// refreshed or reopened meanwhile, because it is returned to the manager that lent it.
/// </summary>
internal readonly struct SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => manager.Release(Searcher);
}
