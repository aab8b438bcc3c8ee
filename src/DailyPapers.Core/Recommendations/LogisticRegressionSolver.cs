namespace DailyPapers.Core.Recommendations;

/// <summary>
/// L2-regularised logistic regression by dual coordinate descent (Yu, Huang and Lin, "Dual coordinate descent methods
/// for logistic regression and maximum entropy models", Machine Learning 2011), liblinear's solver 7. It minimises
/// ½‖w‖² + Σ Cᵢ log(1 + exp(−yᵢ w·xᵢ)). Each dual variable αᵢ lives in (0, Cᵢ) and is kept with its complement Cᵢ − αᵢ,
/// so that values near either end keep their precision; each one-variable step is a few Newton iterations.
/// </summary>
internal static class LogisticRegressionSolver
{
    private const int MaxNewtonSteps = 100;

    public static LinearModel Train<TRows>(TRows rows, int positives, DualSolverSettings settings, out int iterations)
        where TRows : struct, ITrainingRows
    {
        settings.Validate();
        var count = rows.Count;
        var costs = settings.CostPerRow(positives, count);
        var biasFeature = settings.BiasFeature;
        var squaredNorms = new double[count];
        var alpha = new double[count];
        var complement = new double[count];
        var bias = 0d;
        for (var i = 0; i < count; i++)
        {
            squaredNorms[i] = rows.SquaredNorm(i) + (biasFeature * biasFeature);
            alpha[i] = Math.Min(0.001 * costs[i], 1e-8);
            complement[i] = costs[i] - alpha[i];
            var step = alpha[i] * (i < positives ? 1 : -1);
            rows.Add(i, step);
            bias += step * biasFeature;
        }

        var order = new VisitOrder(count, settings.Seed);
        // The inner Newton iterations start loose and tighten once most sub-problems need none.
        var innerTolerance = 1e-2;
        var innerToleranceFloor = Math.Min(1e-8, settings.Tolerance);
        iterations = 0;
        while (iterations < settings.MaxIterations)
        {
            order.Shuffle(count);
            var newtonSteps = 0;
            var largestGradient = 0d;
            foreach (var i in order.Rows)
            {
                var y = i < positives ? 1 : -1;
                var cost = costs[i];
                var a = squaredNorms[i];
                var b = y * (rows.Dot(i) + (bias * biasFeature));
                // Solve for α or for C − α, whichever the one-variable problem moves away from zero.
                var onComplement = (0.5 * a * (complement[i] - alpha[i])) + b < 0;
                var sign = onComplement ? -1 : 1;
                var start = onComplement ? complement[i] : alpha[i];
                var z = cost - start < 0.5 * cost ? 0.1 * start : start;
                var gradient = (a * (z - start)) + (sign * b) + Math.Log(z / (cost - z));
                largestGradient = Math.Max(largestGradient, Math.Abs(gradient));
                var steps = 0;
                while (steps <= MaxNewtonSteps && Math.Abs(gradient) >= innerTolerance)
                {
                    var next = z - (gradient / (a + (cost / (cost - z) / z)));
                    z = next <= 0 ? 0.1 * z : next >= cost ? 0.5 * (z + cost) : next;
                    gradient = (a * (z - start)) + (sign * b) + Math.Log(z / (cost - z));
                    steps++;
                }

                newtonSteps += steps;
                if (steps > 0)
                {
                    (alpha[i], complement[i]) = onComplement ? (cost - z, z) : (z, cost - z);
                    var step = sign * (z - start) * y;
                    rows.Add(i, step);
                    bias += step * biasFeature;
                }
            }

            iterations++;
            if (largestGradient < settings.Tolerance)
            {
                break;
            }

            if (newtonSteps <= count / 10)
            {
                innerTolerance = Math.Max(innerToleranceFloor, 0.1 * innerTolerance);
            }
        }

        return new LinearModel(rows.Weights(), (float)(bias * biasFeature));
    }
}
