namespace DailyPapers.Core.Recommendations;

/// <summary>A vector stored as its non-zero components, indices ascending (a TF-IDF row).</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int NonZeros => Indices.Length;

    public double SquaredNorm()
    {
        var sum = 0d;
        foreach (var value in Values)
        {
            sum += value * (double)value;
        }

        return sum;
    }
}
