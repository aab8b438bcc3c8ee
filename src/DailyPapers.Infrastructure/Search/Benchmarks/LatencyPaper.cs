namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>What the latency benchmark keeps of each paper to make queries from.</summary>
public sealed record LatencyPaper(string Id, string Title, IReadOnlyList<string> Authors, string? Category);
