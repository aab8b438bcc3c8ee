using System.Diagnostics;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// Runs a retrieval benchmark through the site's own search: the corpus goes into a throwaway index (and vector
/// index), every query through <see cref="PaperSearch"/> per mode, and the rankings are scored with
/// <see cref="RetrievalMetrics"/>. The options are the caller's, normally the app's configuration.
/// </summary>
public static class RetrievalBench
{
    public static RetrievalReport Run(
        RetrievalTask task,
        IReadOnlyList<SearchMode> modes,
        LexicalOptions lexical,
        EmbeddingOptions embedding,
        HybridOptions hybrid,
        string cacheDirectory,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var engine = Index(task.Corpus, lexical, progress, cancellationToken);
        var vectors = "none";
        TextEmbedder? embedder = null;
        try
        {
            if (modes.Any(m => m != SearchMode.Lexical))
            {
                embedder = new TextEmbedder(embedding);
                var (index, fromCache) = BenchVectors.Embed(task.Corpus, embedder, cacheDirectory, progress, cancellationToken);
                engine.UseVectors(index, embedder);
                vectors = fromCache ? "cache" : "embedded";
            }

            var search = engine.Search(hybrid);
            var results = modes.Select(mode => Evaluate(search, task, mode, progress, cancellationToken)).ToList();
            return new RetrievalReport(task.Name, task.Split, task.Measure, task.Corpus.Count, embedding.Model, vectors, lexical, hybrid, results);
        }
        finally
        {
            embedder?.Dispose();
        }
    }

    /// <summary>The corpus in a throwaway index, searchable.</summary>
    public static BenchEngine Index(IReadOnlyList<BenchDocument> corpus, LexicalOptions lexical, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var engine = new BenchEngine(lexical);
        try
        {
            var done = 0;
            foreach (var chunk in corpus.Chunk(2000))
            {
                engine.Add([.. chunk.Select(BenchEngine.ToLexical)], cancellationToken);
                done += chunk.Length;
                progress?.Report(new BenchProgress("indexing", done, corpus.Count));
            }

            engine.Publish();
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Every query of the task in one mode, scored; a mode the engine cannot run (no vectors) is an error, never a silent fallback.</summary>
    public static ModeResult Evaluate(PaperSearch search, RetrievalTask task, SearchMode mode, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var stage = $"{mode.ToString().ToLowerInvariant()} queries";
        var clock = Stopwatch.StartNew();
        var rankings = new List<(BenchQuery Query, IReadOnlyList<string> Ranked)>(task.Queries.Count);
        foreach (var query in task.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new PaperSearchRequest(SearchQuery.ParsePlainText(query.Text), SearchFilters.None, SearchSort.Relevance, 0, task.Depth) { Mode = mode };
            var result = search.Search(request);
            if (result.Mode != mode && query.Text.Trim().Length > 0 && result.Ids.Count > 0)
            {
                throw new InvalidOperationException($"Asked for {mode} search, but the engine ran {result.Mode}: are vectors loaded?");
            }

            rankings.Add((query, result.Ids));
            if (rankings.Count % 50 == 0 || rankings.Count == task.Queries.Count)
            {
                progress?.Report(new BenchProgress(stage, rankings.Count, task.Queries.Count));
            }
        }

        return new ModeResult(mode, Score(task.Measure, rankings), rankings.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Mean measures over the rankings (0 for none).</summary>
    public static IReadOnlyList<BenchMetric> Score(RetrievalMeasure measure, IReadOnlyList<(BenchQuery Query, IReadOnlyList<string> Ranked)> rankings)
    {
        double Mean(Func<BenchQuery, IReadOnlyList<string>, double> metric) =>
            rankings.Count == 0 ? 0 : rankings.Average(r => metric(r.Query, r.Ranked));

        return measure == RetrievalMeasure.Beir
            ?
            [
                new BenchMetric("ndcg@10", Mean((q, ranked) => RetrievalMetrics.NdcgAt(10, ranked, q.Relevance))),
                new BenchMetric("recall@100", Mean((q, ranked) => RetrievalMetrics.RecallAt(100, ranked, q.Relevance))),
            ]
            :
            [
                new BenchMetric("mrr@10", Mean((q, ranked) => RetrievalMetrics.ReciprocalRankAt(10, ranked, q.Relevance.Keys.First()))),
                new BenchMetric("recall@10", Mean((q, ranked) => RetrievalMetrics.RecallAt(10, ranked, q.Relevance))),
            ];
    }
}
