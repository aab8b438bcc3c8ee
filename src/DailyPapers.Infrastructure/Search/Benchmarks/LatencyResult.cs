namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>Latency of one kind of search over the benchmark's queries, in milliseconds.</summary>
public sealed record LatencyResult(string Mode, int Queries, double P50, double P90, double P99, double Mean, double Max)
{
    public static LatencyResult From(string mode, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyResult(mode, sorted.Length, At(0.5), At(0.9), At(0.99), sorted.Length == 0 ? 0 : sorted.Average(), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}
