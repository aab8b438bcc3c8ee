namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>One measure, named as benchmarks print it (<c>ndcg@10</c>, <c>recall@100</c>, <c>mrr@10</c>, <c>p50</c>).</summary>
public sealed record BenchMetric(string Name, double Value);
