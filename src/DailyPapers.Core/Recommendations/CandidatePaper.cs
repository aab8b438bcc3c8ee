namespace DailyPapers.Core.Recommendations;

/// <summary>A paper to rank for a reader: its vector (empty while it has none yet) and its authors as written.</summary>
public sealed record CandidatePaper(ReadOnlyMemory<float> Vector, IReadOnlyList<string> Authors);
