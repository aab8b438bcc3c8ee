namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>The exact (float32) vectors of some papers, for rescoring what the quantized graph found.</summary>
public interface IExactVectors
{
    /// <summary>The vectors of those of <paramref name="ids"/> that have one.</summary>
    IReadOnlyDictionary<string, float[]> Read(IReadOnlyCollection<string> ids);
}

/// <summary>Vectors held by their maker (a benchmark, a test): the store's role without a store.</summary>
public sealed class InMemoryExactVectors(IReadOnlyDictionary<string, float[]> vectors) : IExactVectors
{
    public IReadOnlyDictionary<string, float[]> Read(IReadOnlyCollection<string> ids)
    {
        var found = new Dictionary<string, float[]>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (vectors.TryGetValue(id, out var vector))
            {
                found[id] = vector;
            }
        }

        return found;
    }
}
