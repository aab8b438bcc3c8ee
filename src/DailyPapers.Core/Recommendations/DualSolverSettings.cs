namespace DailyPapers.Core.Recommendations;

/// <summary>
/// What the dual solvers share, with liblinear's meanings: <paramref name="C"/> is the cost of a training error before
/// class weights; the solver stops when its projected gradients spread less than <paramref name="Tolerance"/> or after
/// <paramref name="MaxIterations"/> passes; <paramref name="Seed"/> fixes the order rows are visited in; the bias is
/// learnt as one more feature of constant value <paramref name="BiasFeature"/>, regularised like the others, as
/// liblinear (and so sklearn's LinearSVC, with intercept_scaling 1) does.
/// </summary>
internal readonly record struct DualSolverSettings(
    double C, double Tolerance, int MaxIterations, int Seed, bool BalancedClassWeights, double BiasFeature = 1)
{
    /// <summary>
    /// Each example's cost: C times its class weight. "Balanced" weighs a class by n / (2 × its size), as sklearn's
    /// <c>class_weight='balanced'</c>, so a reader's few positives count as much as the many negatives.
    /// </summary>
    public double[] CostPerRow(int positives, int count)
    {
        var negatives = count - positives;
        var balanced = BalancedClassWeights && positives > 0 && negatives > 0;
        var positiveCost = C * (balanced ? count / (2.0 * positives) : 1);
        var negativeCost = C * (balanced ? count / (2.0 * negatives) : 1);
        var costs = new double[count];
        for (var i = 0; i < count; i++)
        {
            costs[i] = i < positives ? positiveCost : negativeCost;
        }

        return costs;
    }

    public void Validate()
    {
        if (!(C > 0) || double.IsInfinity(C))
        {
            throw new ArgumentOutOfRangeException(nameof(C), C, "C must be a positive number.");
        }

        if (!(Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
    }
}
