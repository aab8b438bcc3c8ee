using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class LinearModelTests
{
    [Fact]
    public void Score_of_a_dense_vector_is_the_dot_product_plus_the_bias()
    {
        var model = new LinearModel([1, -2, 0.5f], bias: 0.25f);

        Assert.Equal((1 * 2) + (-2 * 1) + (0.5 * 4) + 0.25, model.Score([2, 1, 4]), 1e-6);
    }

    [Fact]
    public void Score_of_a_sparse_vector_reads_only_its_components()
    {
        var model = new LinearModel([1, -2, 0.5f], bias: 0.25f);

        Assert.Equal((-2 * 3) + (0.5 * 4) + 0.25, model.Score(new SparseVector([1, 2], [3, 4])), 1e-6);
    }

    [Fact]
    public void Score_of_a_vector_of_another_length_is_refused()
    {
        var model = new LinearModel([1, 2], bias: 0);

        Assert.Throws<ArgumentException>(() => model.Score([1, 2, 3]));
    }
}
