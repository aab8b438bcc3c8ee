namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>Milliseconds per model trained: median and 99th percentile (nearest rank) over <paramref name="Models"/> trainings.</summary>
public sealed record TrainingTime(double MedianMs, double P99Ms, int Models)
{
    public static TrainingTime? Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return null;
        }

        var sorted = milliseconds.Order().ToArray();
        return new TrainingTime(Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted.Length);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
