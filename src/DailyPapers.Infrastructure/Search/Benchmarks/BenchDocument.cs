namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>One document of a benchmark corpus: a BEIR passage or a paper's title and abstract.</summary>
public sealed record BenchDocument(string Id, string Title, string Text);
