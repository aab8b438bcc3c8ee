using DailyPapers.Core.Search;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>The measures of one search mode over every query of a retrieval benchmark.</summary>
public sealed record ModeResult(SearchMode Mode, IReadOnlyList<BenchMetric> Metrics, int Queries, double Seconds)
{
    public string Name => Mode.ToString().ToLowerInvariant();

    public double this[string metric] => Metrics.First(m => m.Name == metric).Value;
}
