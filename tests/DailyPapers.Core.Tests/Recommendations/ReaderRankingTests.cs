using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class ReaderRankingTests
{
    private static readonly LinearModel Model = new([1, 0], bias: 0);

    private static readonly AuthorAffinity Affinity = AuthorAffinity.From([["Ada"]]);

    private static ReadOnlyMemory<float> Vector(params float[] components) => components;

    [Fact]
    public void Score_is_the_model_blended_with_author_affinity_then_with_the_community()
    {
        CandidatePaper[] papers = [new(Vector(0.9f, 0.1f), ["Bo"]), new(Vector(0.1f, 0.9f), ["Ada"]), new(Vector(0.5f, 0.5f), ["Cy"])];
        double[] community = [1, 5, 9];
        var options = ReaderModelOptions.Chosen with { AuthorWeight = 0.4 };

        var scores = ReaderRanking.Score(Model, Affinity, papers, community, 0.25, options);

        var personal = ScoreBlend.Blend([0.9, 0.1, 0.5], [0, Math.Log(2), 0], 0.4);
        var expected = ScoreBlend.Blend(personal, community, 0.25);
        for (var i = 0; i < papers.Length; i++)
        {
            Assert.Equal(expected[i], scores[i], 1e-6);
        }
    }

    [Fact]
    public void A_paper_without_a_vector_gets_the_mean_model_score_and_is_ranked_by_its_authors()
    {
        // Without a vector, the Ada paper scores the mean of the other two (0.5) on the model; its author lifts it.
        CandidatePaper[] papers = [new(Vector(0.9f, 0.1f), ["Bo"]), new(ReadOnlyMemory<float>.Empty, ["Ada"]), new(Vector(0.1f, 0.9f), ["Cy"])];

        var scores = ReaderRanking.Score(Model, Affinity, papers, [0, 0, 0], 0, ReaderModelOptions.Chosen with { AuthorWeight = 0.5 });

        var personal = ScoreBlend.Blend([0.9, 0.5, 0.1], [0, Math.Log(2), 0], 0.5);
        Assert.Equal(personal.Length, scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(personal[i], scores[i], 1e-6);
        }

        Assert.True(scores[1] > scores[2]);
    }
}
