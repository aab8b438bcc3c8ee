using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// Measures embedding throughput against raw ONNX Runtime on the same texts (the issue asks for within 10%), for a
/// <c>bench</c> verb. Both sides get their own session opened the same way and a warm-up; they take turns batch by
/// batch, and each batch counts its fastest round, so that load from other processes hits both sides alike.
/// </summary>
public static class EmbeddingBenchmark
{
    public static Task<EmbeddingBenchmarkResult> RunAsync(
        IReadOnlyList<string> texts,
        EmbeddingOptions options,
        int rounds,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (texts.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one text.", nameof(texts));
        }

        // Inference is CPU-bound and long; the caller's thread stays free.
        return Task.Run(() => Run(texts, options, rounds, cancellationToken), cancellationToken);
    }

    private static EmbeddingBenchmarkResult Run(IReadOnlyList<string> texts, EmbeddingOptions options, int rounds, CancellationToken cancellationToken)
    {
        using var embedder = new TextEmbedder(options);
        using var raw = new RawSession(embedder);

        var clock = Stopwatch.StartNew();
        var batches = embedder.Prepare(texts, asQueries: false);
        var tokenizeSeconds = clock.Elapsed.TotalSeconds;
        var batchTexts = batches.Select(b => b.Indices.Select(i => texts[i]).ToList()).ToList();

        // The first runs allocate arenas and choose kernels.
        embedder.EmbedDocuments(batchTexts[^1], cancellationToken);
        raw.Run(batches[^1]);

        var embedderBest = Enumerable.Repeat(double.MaxValue, batches.Count).ToArray();
        var rawBest = Enumerable.Repeat(double.MaxValue, batches.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var b = 0; b < batches.Count; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var embedderFirst = (b + round) % 2 == 0;
                if (embedderFirst)
                {
                    embedderBest[b] = Math.Min(embedderBest[b], Time(() => embedder.EmbedDocuments(batchTexts[b], cancellationToken)));
                }

                rawBest[b] = Math.Min(rawBest[b], Time(() => raw.Run(batches[b])));
                if (!embedderFirst)
                {
                    embedderBest[b] = Math.Min(embedderBest[b], Time(() => embedder.EmbedDocuments(batchTexts[b], cancellationToken)));
                }
            }
        }

        return new EmbeddingBenchmarkResult(
            options.Model,
            texts.Count,
            batches.Sum(b => b.Tokens),
            options.BatchSize,
            options.BatchTokens,
            options.IntraOpThreads,
            rounds,
            embedderBest.Sum(),
            rawBest.Sum(),
            tokenizeSeconds);
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
