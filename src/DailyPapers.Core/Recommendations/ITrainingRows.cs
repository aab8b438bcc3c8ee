namespace DailyPapers.Core.Recommendations;

/// <summary>
/// The examples a dual coordinate-descent solver visits, one row at a time, together with the weight vector being
/// learnt. The solvers only ever take a row's dot product with the weights and a step along a row, so one solver
/// serves dense paper vectors (float, SIMD) and sparse TF-IDF rows (double weights, as liblinear keeps them). The
/// implementations are structs, so the JIT specialises each solver for each kind of row.
/// </summary>
internal interface ITrainingRows
{
    int Count { get; }

    double SquaredNorm(int row);

    /// <summary>The row's dot product with the current weights.</summary>
    double Dot(int row);

    /// <summary>weights += step × row.</summary>
    void Add(int row, double step);

    /// <summary>A copy of the weights learnt so far.</summary>
    float[] Weights();
}
