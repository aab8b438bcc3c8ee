using System.Numerics.Tensors;

namespace DailyPapers.Core.Recommendations;

/// <summary>
/// Rocchio's classifier: w = mean(positives) − β · mean(negatives), no bias. With unit vectors a paper's score is its
/// mean cosine to what the reader liked, less β times its mean cosine to the rest. Nothing to iterate, so nothing to
/// tune but β.
/// </summary>
internal static class NearestCentroid
{
    public static LinearModel Train(IReadOnlyList<ReadOnlyMemory<float>> positives, IReadOnlyList<ReadOnlyMemory<float>> negatives, int dimensions, double negativeWeight)
    {
        if (!(negativeWeight >= 0) || double.IsInfinity(negativeWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeWeight), negativeWeight, "The weight of the negatives must be zero or positive.");
        }

        var weights = new float[dimensions];
        AddMean(positives, 1, weights);
        if (negatives.Count > 0 && negativeWeight > 0)
        {
            AddMean(negatives, -negativeWeight, weights);
        }

        return new LinearModel(weights, 0);
    }

    private static void AddMean(IReadOnlyList<ReadOnlyMemory<float>> vectors, double scale, float[] sum)
    {
        var each = (float)(scale / vectors.Count);
        foreach (var vector in vectors)
        {
            if (vector.Length != sum.Length)
            {
                throw new ArgumentException($"A vector has {vector.Length} dimensions; the others have {sum.Length}.", nameof(vectors));
            }

            TensorPrimitives.MultiplyAdd(vector.Span, each, sum, sum);
        }
    }
}
