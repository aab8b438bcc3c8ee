namespace DailyPapers.Infrastructure.Search.Vectors.Ann;

/// <summary>The native vector index refused an operation (out of memory, an unreadable file).</summary>
public sealed class AnnIndexException(string message) : Exception(message);
