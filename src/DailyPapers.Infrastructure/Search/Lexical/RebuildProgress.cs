namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>How far a rebuild is: papers read from the store so far, of about how many.</summary>
public readonly record struct RebuildProgress(int Processed, int Total);
