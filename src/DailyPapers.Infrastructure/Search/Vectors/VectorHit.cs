namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>A paper near a query vector: its id and cosine similarity (vectors are unit length, so the dot product).</summary>
public readonly record struct VectorHit(string Id, float Score);
