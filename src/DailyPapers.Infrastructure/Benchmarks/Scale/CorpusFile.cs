namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>What <see cref="CorpusGenerator"/> wrote: papers, bytes of JSON lines and of the file, the first and last ids.</summary>
public sealed record CorpusFile(string Path, long Papers, long TextBytes, long FileBytes, string? FirstId, string? LastId);
