namespace DailyPapers.Core.Recommendations;

/// <summary>
/// An L2-regularised linear SVM by dual coordinate descent with shrinking (Hsieh, Chang, Lin, Keerthi and
/// Sundararajan, "A dual coordinate descent method for large-scale linear SVM", ICML 2008), the method liblinear and
/// so sklearn's <c>LinearSVC</c> use. It minimises ½‖w‖² + Σ Cᵢ ξ(yᵢ w·xᵢ) with ξ the hinge or squared hinge; the
/// first <c>positives</c> rows are the positive class.
/// </summary>
internal static class LinearSvmSolver
{
    public static LinearModel Train<TRows>(TRows rows, int positives, SvmLoss loss, DualSolverSettings settings, out int iterations)
        where TRows : struct, ITrainingRows
    {
        settings.Validate();
        var count = rows.Count;
        var costs = settings.CostPerRow(positives, count);
        var biasFeature = settings.BiasFeature;
        // The squared hinge is the hinge with an unbounded α and a diagonal term 1/(2C) in the dual.
        var diagonal = new double[count];
        var upper = new double[count];
        var curvature = new double[count];
        for (var i = 0; i < count; i++)
        {
            (diagonal[i], upper[i]) = loss == SvmLoss.SquaredHinge ? (0.5 / costs[i], double.PositiveInfinity) : (0, costs[i]);
            curvature[i] = rows.SquaredNorm(i) + (biasFeature * biasFeature) + diagonal[i];
        }

        var alpha = new double[count];
        var bias = 0d;
        var order = new VisitOrder(count, settings.Seed);
        var active = count;
        // Gradients beyond last pass's extremes mark rows stuck at a bound: they leave the active set until the end.
        var (maxOld, minOld) = (double.PositiveInfinity, double.NegativeInfinity);
        iterations = 0;
        while (iterations < settings.MaxIterations)
        {
            var (maxNew, minNew) = (double.NegativeInfinity, double.PositiveInfinity);
            order.Shuffle(active);
            for (var s = 0; s < active; s++)
            {
                var i = order.Rows[s];
                var y = i < positives ? 1 : -1;
                var gradient = (y * (rows.Dot(i) + (bias * biasFeature))) - 1 + (diagonal[i] * alpha[i]);
                var projected = gradient;
                if (alpha[i] == 0)
                {
                    if (gradient > maxOld)
                    {
                        active = order.Deactivate(s--, active);
                        continue;
                    }

                    projected = Math.Min(gradient, 0);
                }
                else if (alpha[i] >= upper[i])
                {
                    if (gradient < minOld)
                    {
                        active = order.Deactivate(s--, active);
                        continue;
                    }

                    projected = Math.Max(gradient, 0);
                }

                maxNew = Math.Max(maxNew, projected);
                minNew = Math.Min(minNew, projected);
                if (Math.Abs(projected) > 1e-12)
                {
                    var previous = alpha[i];
                    alpha[i] = Math.Min(Math.Max(previous - (gradient / curvature[i]), 0), upper[i]);
                    var step = (alpha[i] - previous) * y;
                    rows.Add(i, step);
                    bias += step * biasFeature;
                }
            }

            iterations++;
            if (maxNew - minNew <= settings.Tolerance)
            {
                if (active == count)
                {
                    break;
                }

                // Converged on the active rows: check once more on all of them before stopping.
                (active, maxOld, minOld) = (count, double.PositiveInfinity, double.NegativeInfinity);
                continue;
            }

            maxOld = maxNew <= 0 ? double.PositiveInfinity : maxNew;
            minOld = minNew >= 0 ? double.NegativeInfinity : minNew;
        }

        return new LinearModel(rows.Weights(), (float)(bias * biasFeature));
    }
}
