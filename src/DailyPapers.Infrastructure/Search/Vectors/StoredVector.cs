namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>A vector as read back from the store, with its place in the <c>vector_changes</c> sequence.</summary>
public sealed record StoredVector(string PaperId, float[] Vector, long Sequence);
