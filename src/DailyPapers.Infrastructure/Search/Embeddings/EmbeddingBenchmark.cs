using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// Measures embedding throughput for a <c>bench</c> verb: one or more configurations of the embedder on the same
/// texts, each beside raw ONNX Runtime on the same token batches. The texts go in chunks of
/// <see cref="PaperEmbedder.BatchSize"/>, as the site embeds them. Every configuration gets its own session and a
/// warm-up; rounds take turns configuration by configuration (starting with a different one each round), so that load
/// from other processes hits all alike, and each figure is the median of the rounds.
/// </summary>
public static class EmbeddingBenchmark
{
    public static Task<IReadOnlyList<EmbeddingBenchmarkResult>> RunAsync(
        IReadOnlyList<string> texts,
        IReadOnlyList<EmbeddingOptions> configurations,
        int rounds,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (texts.Count == 0 || configurations.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one text and one configuration.", nameof(texts));
        }

        // Inference is CPU-bound and long; the caller's thread stays free.
        return Task.Run(() => Run(texts, configurations, rounds, cancellationToken), cancellationToken);
    }

    private static IReadOnlyList<EmbeddingBenchmarkResult> Run(
        IReadOnlyList<string> texts, IReadOnlyList<EmbeddingOptions> configurations, int rounds, CancellationToken cancellationToken)
    {
        var sides = new List<Side>();
        try
        {
            foreach (var options in configurations)
            {
                sides.Add(new Side(options, texts));
            }

            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < sides.Count; k++)
                {
                    var side = sides[(k + round) % sides.Count];
                    // Which of the two goes first alternates too.
                    if ((k + round) % 2 == 0)
                    {
                        side.TimeEmbedder(cancellationToken);
                        side.TimeRaw(cancellationToken);
                    }
                    else
                    {
                        side.TimeRaw(cancellationToken);
                        side.TimeEmbedder(cancellationToken);
                    }
                }
            }

            return [.. sides.Select(s => s.Result(rounds))];
        }
        finally
        {
            foreach (var side in sides)
            {
                side.Dispose();
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>One configuration: its embedder, its raw session, its token batches and its timings.</summary>
    private sealed class Side : IDisposable
    {
        private readonly EmbeddingOptions _options;
        private readonly TextEmbedder _embedder;
        private readonly RawSession _raw;
        private readonly List<List<string>> _chunks;
        private readonly List<IReadOnlyList<TokenBatch>> _batches;
        private readonly double _tokenizeSeconds;
        private readonly List<double> _embedderSeconds = [];
        private readonly List<double> _rawSeconds = [];

        public Side(EmbeddingOptions options, IReadOnlyList<string> texts)
        {
            _options = options;
            _embedder = new TextEmbedder(options);
            _raw = new RawSession(_embedder);
            _chunks = [.. texts.Chunk(PaperEmbedder.BatchSize).Select(c => c.ToList())];
            var clock = Stopwatch.StartNew();
            _batches = [.. _chunks.Select(c => _embedder.Prepare(c, asQueries: false))];
            _tokenizeSeconds = clock.Elapsed.TotalSeconds;

            // The first runs allocate arenas and choose kernels.
            _embedder.EmbedDocuments(_chunks[^1], CancellationToken.None);
            foreach (var batch in _batches[^1])
            {
                _raw.Run(batch);
            }
        }

        public void TimeEmbedder(CancellationToken cancellationToken) => _embedderSeconds.Add(Time(() =>
        {
            foreach (var chunk in _chunks)
            {
                _embedder.EmbedDocuments(chunk, cancellationToken);
            }
        }));

        public void TimeRaw(CancellationToken cancellationToken) => _rawSeconds.Add(Time(() =>
        {
            foreach (var batches in _batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var batch in batches)
                {
                    _raw.Run(batch);
                }
            }
        }));

        public EmbeddingBenchmarkResult Result(int rounds) => new(
            _options.Model,
            _chunks.Sum(c => c.Count),
            _batches.Sum(b => b.Sum(x => x.Tokens)),
            _batches.Sum(b => b.Sum(x => x.Count * x.Length)),
            _options.MaxTokens,
            _options.BatchSize,
            _options.BatchTokens,
            _options.IntraOpThreads,
            rounds,
            Median(_embedderSeconds),
            Median(_rawSeconds),
            _tokenizeSeconds)
        {
            EmbedderRounds = [.. _embedderSeconds],
        };

        public void Dispose()
        {
            _raw.Dispose();
            _embedder.Dispose();
        }
    }
}
