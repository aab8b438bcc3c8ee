using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// Search latency over a real store as the site serves it (<c>bench search --store</c>): the store's own Lucene index and
/// vector graph, caught up first (loaded from disk, or built), and the site's <see cref="PaperSearch"/>; the queries are
/// made as in <see cref="SearchLatencyBench"/> from papers sampled across the store's change sequence. For a generated
/// store of millions of papers, where a Kaggle file would have to be indexed again in a throwaway folder.
/// </summary>
public sealed class StoreSearchLatencyBench(
    StoreContextFactory store,
    LexicalIndexer lexicalIndexer,
    LexicalIndex lexicalIndex,
    PaperSearch search,
    EmbeddingModelKind model,
    VectorIndexFollower? vectorFollower = null,
    VectorIndex? vectors = null)
{
    /// <summary>Papers the queries are made from: enough that 1,200 queries rarely repeat one.</summary>
    private const int SampleSize = 5000;

    public async Task<SearchLatencyReport> RunAsync(int queryCount, int warmUp, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new BenchProgress("catching the search index up with the store", 0, 1));
        await lexicalIndexer.CatchUpAsync(cancellationToken);
        if (vectorFollower is not null)
        {
            await vectorFollower.CatchUpAsync(cancellationToken, new Progress<(int Done, int Total)>(p => progress?.Report(new BenchProgress("loading vectors into the graph", p.Done, p.Total))));
        }

        var catchUpSeconds = clock.Elapsed.TotalSeconds;
        var papers = await SampleAsync(cancellationToken);
        if (papers.Count == 0)
        {
            throw new InvalidOperationException("The store holds no papers to make queries from.");
        }

        var (timings, queries, _, slowest) = SearchLatencyBench.Measure(search, fts: null, papers, queryCount, warmUp, progress, cancellationToken);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var (rss, peak) = ProcessMemory.Read();
        return new SearchLatencyReport(
            lexicalIndex.DocumentCount,
            model,
            vectors is { Count: > 0 } ? "store" : "none",
            [.. timings.Select(t => LatencyResult.From(t.Key, t.Value))],
            warmUp,
            queries,
            rss,
            peak,
            new DirectoryInfo(lexicalIndex.Path).EnumerateFiles().Sum(f => f.Length),
            0,
            vectors?.MemoryBytes ?? 0,
            catchUpSeconds,
            0)
        {
            SlowestQueries = slowest,
        };
    }

    /// <summary>Papers at random points of the change sequence (one indexed lookup each, not a scan of millions of rows).</summary>
    private async Task<List<LatencyPaper>> SampleAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var last = await context.Papers.MaxAsync(p => (long?)p.ChangeSeq, cancellationToken) ?? 0;
        var random = new Random(2026);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var papers = new List<LatencyPaper>(SampleSize);
        for (var attempt = 0; attempt < SampleSize * 2 && papers.Count < SampleSize && last > 0; attempt++)
        {
            var from = random.NextInt64(0, last);
            var paper = await context.Papers.AsNoTracking()
                .Where(p => p.ChangeSeq > from && !p.IsDeleted && !p.IsHidden)
                .OrderBy(p => p.ChangeSeq)
                .Select(p => new { p.Id, p.Title, p.Authors, p.Categories })
                .FirstOrDefaultAsync(cancellationToken);
            if (paper is not null && seen.Add(paper.Id))
            {
                var authors = paper.Authors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var category = paper.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                papers.Add(new LatencyPaper(paper.Id, paper.Title, [.. authors.Take(3)], category));
            }
        }

        return papers;
    }
}
