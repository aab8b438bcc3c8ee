namespace DailyPapers.Cli;

/// <summary>The summary statistics the bench verbs report, computed one way for all of them.</summary>
internal static class BenchStatistics
{
    /// <summary>Nearest-rank percentile (<paramref name="p"/> from 0 to 1), as <c>bench votes</c> takes it; 0 for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
