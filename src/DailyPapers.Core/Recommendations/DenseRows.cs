using System.Numerics.Tensors;

namespace DailyPapers.Core.Recommendations;

/// <summary>Dense rows of equal length, float weights updated with SIMD.</summary>
internal readonly struct DenseRows : ITrainingRows
{
    private readonly ReadOnlyMemory<float>[] _rows;
    private readonly float[] _weights;

    public DenseRows(ReadOnlyMemory<float>[] rows, int dimensions)
    {
        foreach (var row in rows)
        {
            if (row.Length != dimensions)
            {
                throw new ArgumentException($"A vector has {row.Length} dimensions; the others have {dimensions}.", nameof(rows));
            }
        }

        _rows = rows;
        _weights = new float[dimensions];
    }

    public int Count => _rows.Length;

    public double SquaredNorm(int row)
    {
        var span = _rows[row].Span;
        return TensorPrimitives.Dot(span, span);
    }

    public double Dot(int row) => TensorPrimitives.Dot(_rows[row].Span, _weights);

    public void Add(int row, double step) => TensorPrimitives.MultiplyAdd(_rows[row].Span, (float)step, _weights, _weights);

    public float[] Weights() => (float[])_weights.Clone();
}
