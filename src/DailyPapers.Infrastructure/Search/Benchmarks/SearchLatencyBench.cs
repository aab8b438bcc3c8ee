using System.Diagnostics;
using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// Search latency over a Kaggle-format arXiv file: the papers go into the real Lucene index and a vector index (real
/// vectors from the bench cache, else random unit vectors), and the same generated queries run as lexical,
/// semantic (query embedding included), hybrid and on an SQLite FTS5 peer; plus similar papers of random papers.
/// Modes take turns query by query, so load from other processes hits them alike.
/// </summary>
public static class SearchLatencyBench
{
    private const int BatchSize = 2000;
    private const int PageSize = 10;

    private static readonly string[] Modes = ["lexical", "fts5", "semantic", "hybrid", "similar"];

    public static SearchLatencyReport Run(
        string kaggleFile,
        int queryCount,
        int warmUp,
        LexicalOptions lexical,
        EmbeddingOptions embedding,
        HybridOptions hybrid,
        string cacheDirectory,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var engine = new BenchEngine(lexical);
        using var fts = new Fts5Peer(Path.Combine(engine.Directory, "fts5.db"));
        using var hash = new CorpusHash(embedding.Model, embedding.MaxTokens);
        var clock = Stopwatch.StartNew();
        var papers = Load(kaggleFile, engine, fts, hash, progress, cancellationToken);
        fts.Optimize();
        engine.Publish();
        var indexSeconds = clock.Elapsed.TotalSeconds;

        using var embedder = new TextEmbedder(embedding);
        var (vectors, kind) = Vectors(papers, embedder, hash.CacheFile(cacheDirectory));
        engine.UseVectors(vectors, embedder);
        var search = engine.Search(hybrid);

        var (timings, queries, fts5Skipped, slowest) = Measure(search, fts, papers, queryCount, warmUp, progress, cancellationToken);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var (rss, peak) = ProcessMemory.Read();
        return new SearchLatencyReport(
            papers.Count,
            embedding.Model,
            kind,
            [.. timings.Select(t => LatencyResult.From(t.Key, t.Value))],
            warmUp,
            queries,
            rss,
            peak,
            engine.LexicalIndexBytes,
            fts.Bytes,
            (long)vectors.Count * vectors.Dimensions * sizeof(float),
            indexSeconds,
            fts5Skipped)
        {
            SlowestQueries = slowest,
        };
    }

    /// <summary>
    /// Runs <paramref name="warmUp"/> then <paramref name="queryCount"/> queries made from <paramref name="papers"/> in every
    /// mode (FTS5 only when a peer is given), and the similar papers of as many random papers. Modes take turns query by
    /// query, so load from other processes hits them alike. Returns the measured milliseconds per mode, in mode order,
    /// then the lexical ones again by kind of query (<see cref="LatencyQueries.Kind"/>).
    /// </summary>
    internal static (Dictionary<string, List<double>> Timings, IReadOnlyList<string> Queries, int Fts5Skipped, IReadOnlyList<string> Slowest) Measure(
        PaperSearch search, Fts5Peer? fts, IReadOnlyList<LatencyPaper> papers, int queryCount, int warmUp, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var modes = fts is null ? [.. Modes.Where(m => m != "fts5")] : Modes;
        var queries = LatencyQueries.Generate(papers, warmUp + queryCount, seed: 2026);
        var random = new Random(11);
        var similarIds = Enumerable.Range(0, warmUp + queryCount).Select(_ => papers[random.Next(papers.Count)]).ToList();

        var timings = modes.ToDictionary(m => m, _ => new List<double>(queryCount), StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var fts5Skipped = 0;
        var slowest = new List<(double Ms, string What)>();
        for (var i = 0; i < queries.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = i >= warmUp;
            var text = queries[i];
            var similar = similarIds[i];
            // Rotate the order, so no mode always runs right after another's caches were warmed.
            foreach (var mode in Rotate(modes, i))
            {
                var start = Stopwatch.GetTimestamp();
                var ran = mode switch
                {
                    "fts5" => Fts5Search(fts!, text),
                    "similar" => search.Similar(similar.Id, similar.Title, PageSize).Count >= 0,
                    _ => Search(search, text, Enum.Parse<SearchMode>(mode, ignoreCase: true)),
                };
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ran && measured)
                {
                    fts5Skipped++;
                }
                else if (measured)
                {
                    timings[mode].Add(elapsed);
                    if (mode == "lexical")
                    {
                        var kind = LatencyQueries.Kind(text);
                        if (!byKind.TryGetValue(kind, out var times))
                        {
                            byKind[kind] = times = [];
                        }

                        times.Add(elapsed);
                    }

                    slowest.Add((elapsed, string.Create(CultureInfo.InvariantCulture, $"{mode} {elapsed:0.0} ms: {(mode == "similar" ? similar.Id : text)}")));
                }
            }

            if ((i + 1) % 50 == 0 || i + 1 == queries.Count)
            {
                progress?.Report(new BenchProgress(i < warmUp ? "warming up" : "queries", i < warmUp ? i + 1 : i + 1 - warmUp, i < warmUp ? warmUp : queries.Count - warmUp));
            }
        }

        // Lexical latency by kind of query after the modes: where the time goes.
        foreach (var (kind, times) in byKind)
        {
            timings[$"lexical · {kind}"] = times;
        }

        return (timings, [.. queries.Skip(warmUp).Take(12)], fts5Skipped, [.. slowest.OrderByDescending(s => s.Ms).Take(12).Select(s => s.What)]);
    }

    /// <summary>A results page, exactly as the site asks for it (the query typed into the search box).</summary>
    private static bool Search(PaperSearch search, string text, SearchMode mode)
    {
        var request = new PaperSearchRequest(SearchQuery.Parse(text), SearchFilters.None, SearchSort.Relevance, 0, PageSize) { Mode = mode };
        search.Search(request);
        return true;
    }

    private static bool Fts5Search(Fts5Peer fts, string text)
    {
        if (Fts5Query.From(SearchQuery.Parse(text)) is not { } match)
        {
            return false;
        }

        fts.Search(match, PageSize);
        return true;
    }

    private static IEnumerable<string> Rotate(string[] modes, int by) => modes.Skip(by % modes.Length).Concat(modes.Take(by % modes.Length));

    /// <summary>Streams the file into the index and the peer in batches; keeps only what queries are made from.</summary>
    private static List<LatencyPaper> Load(
        string kaggleFile, BenchEngine engine, Fts5Peer fts, CorpusHash hash, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var input = ImportInput.Open(SourceKind.Kaggle, kaggleFile);
        var papers = new List<LatencyPaper>();
        var batch = new List<LexicalDocument>(BatchSize);
        void Flush()
        {
            engine.Add(batch, cancellationToken);
            fts.Add(batch);
            batch.Clear();
            var read = input.Progress;
            var estimate = read.BytesRead > 0 ? (int)(papers.Count * (double)read.TotalBytes / read.BytesRead) : papers.Count;
            progress?.Report(new BenchProgress("indexing papers (Lucene and FTS5)", papers.Count, Math.Max(estimate, papers.Count)));
        }

        foreach (var item in input.ReadAll(cancellationToken))
        {
            if (item is not PaperItem { Paper: var paper })
            {
                continue;
            }

            var id = paper.Id.Value;
            var day = paper.SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted.UtcDateTime) : (DateOnly?)null;
            batch.Add(new LexicalDocument(id, paper.Title, paper.Abstract, paper.Authors, paper.Categories, day, 0, !string.IsNullOrWhiteSpace(paper.GithubRepo)));
            hash.Add(new BenchDocument(id, paper.Title, paper.Abstract));
            papers.Add(new LatencyPaper(id, paper.Title, [.. paper.Authors.Take(3)], paper.Categories.Count > 0 ? paper.Categories[0] : null));
            if (batch.Count == BatchSize)
            {
                Flush();
            }
        }

        Flush();
        return papers;
    }

    /// <summary>Real vectors when a previous run cached the whole corpus with this model, else random unit vectors.</summary>
    private static (VectorIndex Index, string Kind) Vectors(List<LatencyPaper> papers, TextEmbedder embedder, string cacheFile)
    {
        if (VectorCache.TryRead(cacheFile) is { } cached && cached.Count == papers.Count)
        {
            var index = new VectorIndex(embedder.Dimensions);
            index.Apply(cached.Select(v => (v.Id, (ReadOnlyMemory<float>)v.Vector)), 0);
            return (index, "cache");
        }

        return (BenchVectors.Random(papers.Select(p => p.Id), embedder.Dimensions, seed: 384), "random");
    }
}
