using System.Diagnostics;
using DailyPapers.Core.Recommendations;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// DailyPapers' reader models on the papers' MiniLM vectors. The positives are the reader's papers before the week;
/// the negatives stand in for "sampled recent papers" of the product: up to <see cref="ReaderModelOptions.SampledNegatives"/>
/// papers listed before the week that the reader did not submit, drawn uniformly with a seed per reader-week, the
/// same draw for every setting compared.
/// </summary>
internal sealed class DenseReaderModels(IReadOnlyList<ListedPaper> papers, IReadOnlyDictionary<string, float[]> vectors)
{
    private readonly IReadOnlyList<ListedPaper> _papers = papers;
    private readonly float[][] _vectors = [.. papers.Select(p => vectors.TryGetValue(p.Id, out var v)
        ? v
        : throw new ArgumentException($"No vector for paper {p.Id}.", nameof(vectors)))];

    public float[] Vector(int paper) => _vectors[paper];

    /// <summary>Up to <paramref name="count"/> of the papers before the week, the reader's own left out.</summary>
    public static int[] SampleNegatives(ReaderWeek week, int count, int seed)
    {
        var mine = week.Positives.ToHashSet();
        var pool = Enumerable.Range(0, week.CandidateStart).Where(i => !mine.Contains(i)).ToArray();
        if (pool.Length <= count)
        {
            return pool;
        }

        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }

    public double[] Score(ReaderWeek week, int[] negatives, ReaderModelOptions options, out double trainingMs)
    {
        var positiveVectors = week.Positives.Select(i => (ReadOnlyMemory<float>)_vectors[i]).ToArray();
        var negativeVectors = negatives.Select(i => (ReadOnlyMemory<float>)_vectors[i]).ToArray();
        var started = Stopwatch.GetTimestamp();
        var model = ReaderModelTrainer.Train(positiveVectors, negativeVectors, options);
        trainingMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var scores = new double[week.Candidates];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Score(_vectors[week.CandidateStart + i]);
        }

        return scores;
    }

    /// <summary>
    /// Times <paramref name="runs"/> trainings on the reader with the most papers: their first
    /// <paramref name="positives"/> papers against <paramref name="negatives"/> sampled from everyone else's.
    /// </summary>
    public ScaledTiming? TimeAtScale(string name, ReaderModelOptions options, int positives, int negatives, int runs, int seed)
    {
        var reader = _papers.Where(p => p.Submitter is not null).GroupBy(p => p.Submitter!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        if (reader is null || runs <= 0)
        {
            return null;
        }

        var indices = Enumerable.Range(0, _papers.Count).ToArray();
        var mine = indices.Where(i => _papers[i].Submitter == reader).Take(positives).Select(i => (ReadOnlyMemory<float>)_vectors[i]).ToArray();
        var random = new Random(seed);
        var others = indices.Where(i => _papers[i].Submitter != reader).OrderBy(_ => random.Next()).Take(negatives)
            .Select(i => (ReadOnlyMemory<float>)_vectors[i]).ToArray();
        var times = new List<double>(runs);
        ReaderModelTrainer.Train(mine, others, options); // warm-up: the first call pays for the JIT
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            ReaderModelTrainer.Train(mine, others, options);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new ScaledTiming(name, ReaderModelSettings.Describe(options), mine.Length, others.Length, TrainingTime.Of(times)!);
    }
}
