using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class ScoreBlendTests
{
    [Fact]
    public void Standardise_gives_z_scores_over_the_list()
    {
        // mean 2, population standard deviation √(2/3) = 0.816497.
        var z = ScoreBlend.Standardise([1, 2, 3]);

        Assert.Equal([-1.224745, 0, 1.224745], z.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void Standardise_of_a_constant_list_is_all_zeros()
    {
        Assert.Equal([0d, 0d], ScoreBlend.Standardise([5, 5]));
    }

    [Fact]
    public void Blend_at_the_ends_follows_one_score_alone_whatever_its_scale()
    {
        double[] personal = [0.1, 0.3, 0.2];
        double[] votes = [300, 100, 200];

        var mine = ScoreBlend.Blend(personal, votes, 0);
        var theirs = ScoreBlend.Blend(personal, votes, 1);

        Assert.Equal(Ranking(personal), Ranking(mine));
        Assert.Equal(Ranking(votes), Ranking(theirs));
    }

    [Fact]
    public void Blend_halfway_weighs_both_z_scores_equally()
    {
        // z(personal) = (−1.2247, 0, 1.2247), z(votes) = (1.2247, 0, −1.2247): they cancel.
        var blended = ScoreBlend.Blend([1, 2, 3], [30, 20, 10], 0.5);

        Assert.All(blended, x => Assert.Equal(0, x, 1e-12));
    }

    [Fact]
    public void Blend_refuses_a_weight_outside_zero_to_one_and_lists_of_different_lengths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreBlend.Blend([1], [1], 1.5));
        Assert.Throws<ArgumentException>(() => ScoreBlend.Blend([1, 2], [1], 0.5));
    }

    private static int[] Ranking(double[] scores) => [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i])];
}
