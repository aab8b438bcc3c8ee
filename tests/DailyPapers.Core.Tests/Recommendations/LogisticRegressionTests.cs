using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

/// <summary>
/// Logistic regression against a problem solved by hand: a positive at x = 1, a negative at x = −1, the bias a
/// regularised feature of value 1. The primal ½(w² + b²) + C·[log(1 + e^−(w+b)) + log(1 + e^−(w−b))] is symmetric in
/// b, so b = 0, and its derivative in w vanishes where w = 2C·σ(−w). At C = 1, iterating w ← 2/(1 + e^w) from 0.6:
/// 0.6 → 0.7087 → 0.6598 → 0.6816 → 0.6718 → 0.6762 → 0.6742 → 0.6751 → 0.6747 → … → 0.67483.
/// </summary>
public class LogisticRegressionTests
{
    private static readonly ReaderModelOptions Logistic = ReaderModelOptions.Chosen with
    {
        Method = RecommenderMethod.LogisticRegression,
        C = 1,
        Tolerance = 1e-9,
        MaxIterations = 100_000,
    };

    [Fact]
    public void Two_opposite_points_give_the_fixed_point_of_w_equals_2C_sigmoid_of_minus_w()
    {
        var model = ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1]), Logistic);

        Assert.Equal(0.67483, model.Weights[0], 1e-4);
        Assert.Equal(0, model.Bias, 1e-6);
    }

    [Fact]
    public void Logistic_and_svm_agree_on_the_direction_of_a_tilted_problem()
    {
        // Positives up and to the right, negatives down and to the left: both put the weight on (1, 1)/√2.
        var positives = ToyVectors.Of([0.8f, 0.6f], [0.6f, 0.8f]);
        var negatives = ToyVectors.Of([-0.8f, -0.6f], [-0.6f, -0.8f]);

        var logistic = ReaderModelTrainer.Train(positives, negatives, Logistic);
        var svm = ReaderModelTrainer.Train(positives, negatives, Logistic with { Method = RecommenderMethod.LinearSvm });

        Assert.Equal(logistic.Weights[0], logistic.Weights[1], 1e-5);
        Assert.Equal(svm.Weights[0], svm.Weights[1], 1e-5);
        Assert.True(logistic.Weights[0] > 0 && svm.Weights[0] > 0);
    }
}
