using System.Diagnostics;
using System.Numerics.Tensors;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>
/// The vector index of a real store, as the site builds it: how long the graph takes to build (or load), its size on
/// disk and in memory, and its recall@10 against an exact scan of every stored float32 vector, for queries near stored
/// papers, plain and under filters narrow (one category and one month), middling (one year) and broad (one category).
/// Each case goes through the site's own path (<see cref="PaperSearch"/>: scope, over-fetch or filtered graph search,
/// then exact rescoring). Search by meaning finds nothing when even the nearest passing paper is less similar than
/// the floor (<see cref="HybridOptions.MinSimilarity"/>); the exact answer obeys the same floor, and each case counts
/// its queries with nothing that near.
/// </summary>
public sealed class AnnRecallBench(
    PaperVectorStore vectors,
    VectorIndex index,
    VectorIndexFollower follower,
    VectorIndexFiles files,
    SemanticSearcher semantic,
    PaperSearch search,
    LexicalIndexer lexicalIndexer,
    LexicalSearcher lexical,
    EmbeddingModelProfile profile,
    double minSimilarity)
{
    private const int K = 10;
    private const int Candidates = 100;
    private const int ExactPage = 5000;

    public async Task<AnnRecallReport> RunAsync(int queryCount, IReadOnlyList<(string Name, SearchFilters Filters)> filters, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        await lexicalIndexer.CatchUpAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await follower.CatchUpAsync(cancellationToken, new Progress<(int Done, int Total)>(p => progress?.Report(new BenchProgress("loading vectors into the graph", p.Done, p.Total))));
        var loadSeconds = clock.Elapsed.TotalSeconds;

        var queries = await QueriesAsync(queryCount, cancellationToken);
        var cases = new List<(string Name, SearchFilters Filters, HashSet<string>? Passing)> { ("none", SearchFilters.None, null) };
        cases.AddRange(filters.Select(f => (f.Name, f.Filters, (HashSet<string>?)lexical.MatchingIds(SearchQuery.Parse(null), f.Filters).ToHashSet(StringComparer.Ordinal))));
        var exact = await ExactAsync(queries, cases.Select(c => c.Passing).ToList(), progress, cancellationToken);

        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var recalls = new List<AnnRecallCase>();
        var graphOnly = 0.0;
        var rescored = 0.0;
        for (var q = 0; q < queries.Count; q++)
        {
            var query = queries[q];
            graphOnly += Recall(exact[0][q], Time(timings, "graph k=10", () => index.Search(query, K).Select(h => h.Id).ToList()));
            rescored += Recall(exact[0][q], Time(timings, "graph 100 + rescoring", () => semantic.Search(query, Candidates).Take(K).Select(h => h.Id).ToList()));
        }

        recalls.Add(new AnnRecallCase("graph only, k=10", index.Count, graphOnly / queries.Count, BelowFloor(exact[0])));
        recalls.Add(new AnnRecallCase("graph 100 + exact rescoring", index.Count, rescored / queries.Count, BelowFloor(exact[0])));
        for (var c = 1; c < cases.Count; c++)
        {
            var (name, filter, passing) = cases[c];
            var sum = 0.0;
            for (var q = 0; q < queries.Count; q++)
            {
                var found = Time(timings, $"filter: {name}", () => search.NearestIds(queries[q], SearchQuery.Parse(null), filter, Candidates).Take(K).ToList());
                sum += Recall(exact[c][q], found);
            }

            recalls.Add(new AnnRecallCase($"filter: {name}", passing!.Count, sum / queries.Count, BelowFloor(exact[c])));
        }

        var (rss, peak) = ProcessMemory.Read();
        return new AnnRecallReport(
            index.Count, index.Dimensions, index.Settings.Quantization, follower.LoadedFromFile, loadSeconds,
            Size(files.GraphPath) + Size(files.KeysPath), index.MemoryBytes, rss, peak, queries.Count, recalls,
            [.. timings.Select(t => LatencyResult.From(t.Key, t.Value))]);
    }

    private static int BelowFloor(List<string>[] exact) => exact.Count(e => e.Count == 0);

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static T Time<T>(Dictionary<string, List<double>> timings, string name, Func<T> run)
    {
        var start = Stopwatch.GetTimestamp();
        var result = run();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!timings.TryGetValue(name, out var list))
        {
            timings[name] = list = [];
        }

        list.Add(elapsed);
        return result;
    }

    /// <summary>The share of the exact ten the other list has (1 when there are none to find).</summary>
    private static double Recall(List<string> exact, List<string> found) =>
        exact.Count == 0 ? 1 : exact.Intersect(found, StringComparer.Ordinal).Count() / (double)exact.Count;

    /// <summary>Queries near stored papers: a random stored vector turned by noise to a cosine of about 0.9 with it.</summary>
    private async Task<List<float[]>> QueriesAsync(int count, CancellationToken cancellationToken)
    {
        var last = await vectors.ReadSequenceAsync(cancellationToken);
        var random = new Random(2026);
        var queries = new List<float[]>(count);
        while (queries.Count < count && last > 0)
        {
            var page = await vectors.ReadChangesAsync(profile.Name, random.NextInt64(0, last), 1, cancellationToken);
            if (page.Count == 0)
            {
                continue;
            }

            var noise = BenchVectors.UnitVector(random, profile.Dimensions);
            var query = new float[profile.Dimensions];
            // 0.9·v + 0.44·noise: cosine ≈ 0.9 with the paper, as a query about it would be.
            TensorPrimitives.Multiply(noise, 0.44f, query);
            TensorPrimitives.MultiplyAdd(page[0].Vector, 0.9f, query, query);
            TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), query);
            queries.Add(query);
        }

        return queries;
    }

    /// <summary>For every case and query, the exact ten nearest stored vectors among those passing, by a scan of the store.</summary>
    private async Task<List<List<string>[]>> ExactAsync(
        List<float[]> queries, List<HashSet<string>?> passing, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var best = passing.Select(_ => queries.Select(_ => new PriorityQueue<string, float>()).ToArray()).ToList();
        var total = await vectors.ReadSequenceAsync(cancellationToken);
        var after = 0L;
        var seen = 0;
        while (true)
        {
            var page = await vectors.ReadChangesAsync(profile.Name, after, ExactPage, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Sequence;
            seen += page.Count;
            // Which case each stored vector passes, looked up once per page rather than once per query.
            var passes = passing.Select(set => page.Select(stored => set is null || set.Contains(stored.PaperId)).ToArray()).ToArray();
            Parallel.For(0, queries.Count, q =>
            {
                for (var v = 0; v < page.Count; v++)
                {
                    var stored = page[v];
                    var score = TensorPrimitives.Dot(queries[q], stored.Vector);
                    for (var c = 0; c < passing.Count; c++)
                    {
                        if (!passes[c][v])
                        {
                            continue;
                        }

                        var heap = best[c][q];
                        if (heap.Count < K)
                        {
                            heap.Enqueue(stored.PaperId, score);
                        }
                        else if (heap.TryPeek(out _, out var worst) && score > worst)
                        {
                            heap.DequeueEnqueue(stored.PaperId, score);
                        }
                    }
                }
            });
            progress?.Report(new BenchProgress("exact scan of the stored vectors", seen, (int)Math.Min(int.MaxValue, total)));
        }

        // None when even the nearest is under the floor: search by meaning returns nothing then, rightly.
        return [.. best.Select(perQuery => perQuery.Select(heap =>
            heap.UnorderedItems.Any(i => i.Priority >= minSimilarity) ? heap.UnorderedItems.Select(i => i.Element).ToList() : []).ToArray())];
    }
}
