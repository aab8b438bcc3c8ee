namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>The reader-weeks split by week at <see cref="RecommendationTask.HeldOutFrom"/>: the tuning half, the held-out half, and all.</summary>
internal sealed class Halves(RecommendationTask task)
{
    private readonly RecommendationTask _task = task;
    private readonly int[] _tuning = [.. Enumerable.Range(0, task.ReaderWeeks.Count).Where(i => task.ReaderWeeks[i].Week < task.HeldOutFrom)];
    private readonly int[] _heldOut = [.. Enumerable.Range(0, task.ReaderWeeks.Count).Where(i => task.ReaderWeeks[i].Week >= task.HeldOutFrom)];
    private readonly int[] _all = [.. Enumerable.Range(0, task.ReaderWeeks.Count)];

    public int TuningCount => _tuning.Length;

    public MetricSet Tuning(Func<int, double[]> scores) => RankingMeasure.Mean(_task, _tuning, scores);

    /// <summary>nDCG@10 of each tuning reader-week, in a fixed order (for paired comparisons).</summary>
    public double[] TuningNdcgPerWeek(Func<int, double[]> scores) =>
        [.. _tuning.Select(w => RankingMeasure.Score(_task.Papers, _task.ReaderWeeks[w], scores(w)).Ndcg)];

    public MetricSet Tuning(MethodRun run) => Tuning(w => run.Scores[w]);

    public MethodResult Result(string name, string kind, string settings, MethodRun run) =>
        Result(name, kind, settings, w => run.Scores[w], run);

    public MethodResult Result(string name, string kind, string settings, Func<int, double[]> scores, MethodRun run) => new(
        name,
        kind,
        settings,
        RankingMeasure.Mean(_task, _tuning, scores),
        RankingMeasure.Mean(_task, _heldOut, scores),
        RankingMeasure.Mean(_task, _all, scores),
        TrainingTime.Of(run.TrainingMs));
}
