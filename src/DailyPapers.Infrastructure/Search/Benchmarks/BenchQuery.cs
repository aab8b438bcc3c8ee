namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>One benchmark query and its judgements: document id to graded relevance (above 0 is relevant).</summary>
public sealed record BenchQuery(string Id, string Text, IReadOnlyDictionary<string, int> Relevance);
