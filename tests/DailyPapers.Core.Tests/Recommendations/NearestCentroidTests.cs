using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class NearestCentroidTests
{
    [Fact]
    public void Weights_are_the_mean_of_positives_less_beta_times_the_mean_of_negatives()
    {
        // mean(+) = (0.5, 0.5, 0); mean(−) = (0, 0, 1); β = 0.5: w = (0.5, 0.5, −0.5), no bias.
        var positives = ToyVectors.Of([1, 0, 0], [0, 1, 0]);
        var negatives = ToyVectors.Of([0, 0, 1], [0, 0, 1]);

        var model = ReaderModelTrainer.Train(positives, negatives, ReaderModelOptions.Chosen with { Method = RecommenderMethod.NearestCentroid, NegativeWeight = 0.5 });

        Assert.Equal([0.5f, 0.5f, -0.5f], model.Weights.ToArray());
        Assert.Equal(0f, model.Bias);
        Assert.Equal(0, model.Score([0.5f, 0, 0.5f]), 1e-6);
    }

    [Fact]
    public void A_negative_weight_below_zero_is_refused()
    {
        var options = ReaderModelOptions.Chosen with { Method = RecommenderMethod.NearestCentroid, NegativeWeight = -1 };

        Assert.Throws<ArgumentOutOfRangeException>(() => ReaderModelTrainer.Train(ToyVectors.Of([1]), ToyVectors.Of([-1]), options));
    }
}
