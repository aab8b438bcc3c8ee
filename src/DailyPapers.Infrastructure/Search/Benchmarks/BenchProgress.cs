namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>How far one stage of a benchmark has got (documents indexed or embedded, queries run).</summary>
public readonly record struct BenchProgress(string Stage, int Done, int Total);
