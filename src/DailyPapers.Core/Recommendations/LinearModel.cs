using System.Numerics.Tensors;

namespace DailyPapers.Core.Recommendations;

/// <summary>
/// A reader's model: a weight per feature and a bias; a paper scores <c>w·x + b</c>, higher meaning closer to what
/// the reader liked. Scores of one model compare with each other, not across readers or methods (see
/// <see cref="ScoreBlend"/> for putting them beside a community score).
/// </summary>
public sealed class LinearModel
{
    private readonly float[] _weights;

    public LinearModel(float[] weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = weights;
        Bias = bias;
    }

    public ReadOnlySpan<float> Weights => _weights;

    public float Bias { get; }

    public int Dimensions => _weights.Length;

    /// <summary>The score of a dense vector of <see cref="Dimensions"/> components.</summary>
    public double Score(ReadOnlySpan<float> vector)
    {
        if (vector.Length != _weights.Length)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; the model has {_weights.Length}.", nameof(vector));
        }

        return TensorPrimitives.Dot(vector, _weights) + Bias;
    }

    /// <summary>The score of a sparse vector whose indices are below <see cref="Dimensions"/>.</summary>
    public double Score(SparseVector vector)
    {
        double sum = Bias;
        var indices = vector.Indices;
        var values = vector.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            sum += _weights[indices[i]] * (double)values[i];
        }

        return sum;
    }
}
