using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class ReaderModelTrainerTests
{
    public static TheoryData<RecommenderMethod> Methods => [RecommenderMethod.NearestCentroid, RecommenderMethod.LogisticRegression, RecommenderMethod.LinearSvm];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Train_on_a_separable_set_scores_every_positive_above_every_negative(RecommenderMethod method)
    {
        var (positives, negatives) = ToyVectors.Separable(positives: 20, negatives: 80, seed: 3);

        var model = ReaderModelTrainer.Train(positives, negatives, ReaderModelOptions.Chosen with { Method = method });

        var lowestPositive = positives.Min(p => model.Score(p.Span));
        var highestNegative = negatives.Max(n => model.Score(n.Span));
        Assert.True(lowestPositive > highestNegative, $"{method}: lowest positive {lowestPositive}, highest negative {highestNegative}");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Train_twice_on_the_same_vectors_gives_the_same_model(RecommenderMethod method)
    {
        var (positives, negatives) = ToyVectors.Separable(positives: 30, negatives: 200, seed: 5);
        var options = ReaderModelOptions.Chosen with { Method = method };

        var first = ReaderModelTrainer.Train(positives, negatives, options);
        var second = ReaderModelTrainer.Train(positives, negatives, options);

        Assert.Equal(first.Weights.ToArray(), second.Weights.ToArray());
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void Train_with_another_seed_visits_rows_in_another_order_yet_reaches_the_same_optimum()
    {
        var (positives, negatives) = ToyVectors.Separable(positives: 30, negatives: 200, seed: 5);
        var options = ReaderModelOptions.Chosen with { Method = RecommenderMethod.LinearSvm, Tolerance = 1e-6 };

        var first = ReaderModelTrainer.Train(positives, negatives, options with { Seed = 1 });
        var second = ReaderModelTrainer.Train(positives, negatives, options with { Seed = 2 });

        for (var i = 0; i < first.Dimensions; i++)
        {
            Assert.Equal(first.Weights[i], second.Weights[i], 1e-4);
        }
    }

    [Fact]
    public void Train_without_positives_is_refused()
    {
        var (_, negatives) = ToyVectors.Separable(positives: 0, negatives: 5, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => ReaderModelTrainer.Train([], negatives));

        Assert.Contains("at least one positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_with_vectors_of_different_lengths_is_refused()
    {
        var positives = ToyVectors.Of([1, 0, 0]);
        var negatives = ToyVectors.Of([0, 1]);

        Assert.Throws<ArgumentException>(() => ReaderModelTrainer.Train(positives, negatives, ReaderModelOptions.Chosen with { Method = RecommenderMethod.LinearSvm }));
    }

    [Fact]
    public void Train_without_negatives_still_ranks_by_closeness_to_the_positives()
    {
        var positives = ToyVectors.Of([1, 0], [0.8f, 0.6f]);

        var model = ReaderModelTrainer.Train(positives, [], ReaderModelOptions.Chosen with { Method = RecommenderMethod.LinearSvm });

        Assert.True(model.Score([1, 0]) > model.Score([0, 1]));
    }
}
