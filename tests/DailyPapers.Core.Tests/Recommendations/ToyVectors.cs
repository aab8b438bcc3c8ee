namespace DailyPapers.Core.Tests.Recommendations;

/// <summary>Small vector sets for the trainers: hand-checkable ones and a seeded separable cloud.</summary>
internal static class ToyVectors
{
    public static ReadOnlyMemory<float>[] Of(params float[][] vectors) => [.. vectors.Select(v => (ReadOnlyMemory<float>)v)];

    /// <summary>
    /// Unit vectors in 16 dimensions scattered around two opposite poles (first component +1 or −1), far enough apart
    /// that a hyperplane through the origin separates them.
    /// </summary>
    public static (ReadOnlyMemory<float>[] Positives, ReadOnlyMemory<float>[] Negatives) Separable(int positives, int negatives, int seed)
    {
        var random = new Random(seed);
        return ([.. Enumerable.Range(0, positives).Select(_ => Around(1, random))], [.. Enumerable.Range(0, negatives).Select(_ => Around(-1, random))]);
    }

    private static ReadOnlyMemory<float> Around(float pole, Random random)
    {
        var vector = new float[16];
        vector[0] = pole;
        for (var i = 1; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() - 0.5) * 0.5);
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }
}
