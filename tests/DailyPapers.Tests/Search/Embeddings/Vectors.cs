namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>Vector arithmetic for assertions.</summary>
public static class Vectors
{
    public static double Dot(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var sum = 0d;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Cosine similarity; vectors from the embedder are unit length, so it is their dot product.</summary>
    public static double Cosine(float[] a, float[] b) => Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b));

    public static double Norm(float[] a) => Math.Sqrt(Dot(a, a));

    public static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();
    }
}
