using System.Numerics.Tensors;
using DailyPapers.Infrastructure.Benchmarks.Scale;

namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>
/// Vectors for the papers of a generated corpus (<see cref="CorpusPlan"/>) with the structure of real embeddings: each
/// is the real vectors of the papers its title and abstract came from, mixed as its text was (title half, abstract
/// half, split as the abstract was), plus a little noise, normalised. Neighbours are then topical as in a real store,
/// which random vectors are not; said in the output.
/// </summary>
public sealed class DerivedVectors
{
    private const float TitleWeight = 0.5f;
    private const float NoiseWeight = 0.15f;

    private readonly Dictionary<string, GeneratedPaper> _papers;
    private readonly IReadOnlyList<SourcePaper> _sources;
    private readonly IReadOnlyDictionary<string, float[]> _real;
    private readonly int _seed;

    /// <param name="real">The real vectors of the source papers, by id.</param>
    public DerivedVectors(CorpusPlan plan, SourceCorpus sources, IReadOnlyDictionary<string, float[]> real, int seed)
    {
        _papers = plan.Papers().ToDictionary(p => p.Id, StringComparer.Ordinal);
        _sources = sources.Papers;
        _real = real;
        _seed = seed;
    }

    /// <summary>The vector of a generated paper; null for an id the plan does not have or whose sources were not embedded.</summary>
    public float[]? For(string id)
    {
        if (!_papers.TryGetValue(id, out var paper)
            || !_real.TryGetValue(_sources[paper.TitleSource].Id, out var title)
            || !_real.TryGetValue(_sources[paper.AbstractSource].Id, out var first))
        {
            return null;
        }

        var second = paper.SecondAbstractSource is { } other && _real.TryGetValue(_sources[other].Id, out var found) ? found : first;
        var split = (float)paper.AbstractSplit;
        var vector = SyntheticVectorFill.UnitVector(id, title.Length, _seed);
        TensorPrimitives.Multiply(vector, NoiseWeight, vector);
        TensorPrimitives.MultiplyAdd(title, TitleWeight, vector, vector);
        TensorPrimitives.MultiplyAdd(first, (1 - TitleWeight) * split, vector, vector);
        TensorPrimitives.MultiplyAdd(second, (1 - TitleWeight) * (1 - split), vector, vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
