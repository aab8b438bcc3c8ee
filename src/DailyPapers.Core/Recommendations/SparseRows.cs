namespace DailyPapers.Core.Recommendations;

/// <summary>
/// Sparse rows over <c>dimensions</c> features. The weights are doubles: at the tight tolerances arxiv-sanity-lite
/// asks of its SVM (1e-6), float rounding in millions of small updates would keep the solver from ever stopping.
/// </summary>
internal readonly struct SparseRows : ITrainingRows
{
    private readonly SparseVector[] _rows;
    private readonly double[] _weights;

    public SparseRows(SparseVector[] rows, int dimensions)
    {
        foreach (var row in rows)
        {
            if (row.Indices.Length != row.Values.Length || (row.Indices.Length > 0 && (uint)row.Indices[^1] >= (uint)dimensions))
            {
                throw new ArgumentException($"A sparse row has mismatched indices and values or an index beyond {dimensions} features.", nameof(rows));
            }
        }

        _rows = rows;
        _weights = new double[dimensions];
    }

    public int Count => _rows.Length;

    public double SquaredNorm(int row) => _rows[row].SquaredNorm();

    public double Dot(int row)
    {
        var (indices, values) = (_rows[row].Indices, _rows[row].Values);
        var sum = 0d;
        for (var i = 0; i < indices.Length; i++)
        {
            sum += _weights[indices[i]] * values[i];
        }

        return sum;
    }

    public void Add(int row, double step)
    {
        var (indices, values) = (_rows[row].Indices, _rows[row].Values);
        for (var i = 0; i < indices.Length; i++)
        {
            _weights[indices[i]] += step * values[i];
        }
    }

    public float[] Weights() => Array.ConvertAll(_weights, w => (float)w);
}
