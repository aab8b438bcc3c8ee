using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

/// <summary>
/// The SVM against problems solved by hand. With one feature x and the bias learnt as a second feature of value 1
/// (regularised, as in liblinear), a positive at x = 1 and a negative at x = −1 give the primal
/// ½(w² + b²) + C·[ℓ(w + b) + ℓ(w − b)], symmetric in b, so b = 0; then
/// squared hinge: ½w² + 2C(1 − w)², minimal at w = 4C / (1 + 4C) (0.8 at C = 1);
/// hinge: ½w² + 2C·max(0, 1 − w), minimal at w = 1 whenever 2C ≥ 1.
/// </summary>
public class LinearSvmTests
{
    private static readonly ReaderModelOptions Svm = ReaderModelOptions.Chosen with
    {
        Method = RecommenderMethod.LinearSvm,
        C = 1,
        Tolerance = 1e-9,
        MaxIterations = 100_000,
    };

    [Fact]
    public void Squared_hinge_on_two_opposite_points_gives_4C_over_1_plus_4C()
    {
        var model = ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1]), Svm);

        Assert.Equal(0.8, model.Weights[0], 1e-6);
        Assert.Equal(0, model.Bias, 1e-6);
    }

    [Fact]
    public void Hinge_on_two_opposite_points_puts_both_on_the_margin()
    {
        var model = ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1]), Svm with { Loss = SvmLoss.Hinge });

        Assert.Equal(1, model.Weights[0], 1e-6);
        Assert.Equal(0, model.Bias, 1e-6);
    }

    [Fact]
    public void Balanced_weights_make_three_copies_of_a_negative_count_as_much_as_one_positive()
    {
        // n = 4: the positive weighs 4 / (2·1) = 2, each negative 4 / (2·3) = 2/3, three of them 2 in all. So the
        // problem is the two-point one with C' = 2C: at C = 0.5, w = 4C' / (1 + 4C') = 0.8 and b = 0.
        var model = ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1], [-1], [-1]), Svm with { C = 0.5 });

        Assert.Equal(0.8, model.Weights[0], 1e-6);
        Assert.Equal(0, model.Bias, 1e-6);
    }

    [Fact]
    public void Without_class_weights_the_larger_class_pulls_the_bias_its_way()
    {
        var model = ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1], [-1], [-1]), Svm with { BalancedClassWeights = false });

        Assert.True(model.Bias < -0.01, $"bias {model.Bias}");
    }

    [Fact]
    public void Sparse_rows_reach_the_same_optimum_as_dense_ones()
    {
        // The same two-point problem through the TF-IDF path, at arxiv-sanity-lite's tolerance.
        var positive = new SparseVector([0], [1f]);
        var negative = new SparseVector([0], [-1f]);

        var model = SparseSvmTrainer.Train([positive], [negative], features: 1, SparseSvmOptions.ArxivSanityLite with { C = 1 }, out var iterations);

        Assert.Equal(0.8, model.Weights[0], 1e-5);
        Assert.Equal(0.8, model.Score(positive), 1e-5);
        Assert.InRange(iterations, 1, SparseSvmOptions.ArxivSanityLite.MaxIterations - 1);
    }
}
