using DailyPapers.Core.Listings;
using DailyPapers.Core.Recommendations;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Tests.ForYou;

/// <summary>The ranking of a reader's candidates: model, follows and trending blended, each card with the reason that holds.</summary>
public sealed class ForYouScoringTests
{
    [Fact]
    public void The_model_ranks_papers_near_what_was_liked_first_and_says_which()
    {
        float[] near = Unit(1, 0.1f, 0), far = Unit(0, 0, 1), liked = Unit(1, 0, 0);
        var model = new ReaderModel(ReaderModelTrainer.Train([liked], [far]), AuthorAffinity.From([]));
        var candidates = new[] { Candidate("far", far, votes: 5), Candidate("near", near), Candidate("no-vector", null, votes: 1) };

        var ranked = ForYouScoring.Rank(candidates, model, [], [new LikedVector("liked", PositiveSource.Save, liked)], personalWeight: 100, take: 3);

        Assert.Equal("near", ranked[0].Paper.Id);
        Assert.Equal(ForYouReasonKind.CloseToLiked, ranked[0].Reason.Kind);
        Assert.Equal("liked", ranked[0].Reason.LikedId);
        Assert.Equal("Close to “Liked paper”, which you saved", ranked[0].Reason.Text(_ => "Liked paper"));
        // Without a vector a paper sits at the average of the model's scores: above the far one, below the near one.
        Assert.Equal(["near", "no-vector", "far"], ranked.Select(r => r.Paper.Id));
    }

    [Fact]
    public void A_followed_author_lifts_a_paper_and_is_the_reason_even_without_a_vector()
    {
        var candidates = new[]
        {
            Candidate("trending", null, votes: 50, community: 50),
            Candidate("followed", null, authors: ["Yánn LeCun"]),
            Candidate("in-category", null, categories: ["cs.CL"]),
        };
        FollowedName[] follows = [new(FollowKind.Author, "yann lecun", "Yann LeCun"), new(FollowKind.Category, "cs.cl", "cs.CL")];

        var ranked = ForYouScoring.Rank(candidates, model: null, follows, [], personalWeight: 80, take: 3);

        Assert.Equal("followed", ranked[0].Paper.Id);
        Assert.Equal("By Yann LeCun, whom you follow", ranked[0].Reason.Text(_ => null));
        Assert.Equal("In cs.CL, which you follow", ranked.Single(r => r.Paper.Id == "in-category").Reason.Text(_ => null));
        Assert.Equal("Trending", ranked.Single(r => r.Paper.Id == "trending").Reason.Text(_ => null));
    }

    [Fact]
    public void Without_vectors_the_authors_of_liked_papers_rank_and_are_the_reason()
    {
        var model = new ReaderModel(new LinearModel(new float[3], 0), AuthorAffinity.From([["Grace Hopper", "Ada Lovelace"]]));
        var candidates = new[]
        {
            Candidate("hot", null, votes: 9, community: 9),
            Candidate("by-grace", null, authors: ["Alan Turing", "grace  HOPPER"]),
        };

        var ranked = ForYouScoring.Rank(candidates, model, [], [], personalWeight: 100, take: 2);

        Assert.Equal(["by-grace", "hot"], ranked.Select(r => r.Paper.Id));
        Assert.Equal("By grace  HOPPER, an author of papers you liked", ranked[0].Reason.Text(_ => null));
    }

    [Fact]
    public void With_no_personal_weight_the_list_is_trending_order()
    {
        float[] liked = Unit(1, 0, 0);
        var model = new ReaderModel(ReaderModelTrainer.Train([liked], [Unit(0, 1, 0)]), AuthorAffinity.From([]));
        var candidates = new[] { Candidate("near", Unit(1, 0, 0), community: 1), Candidate("hot", Unit(0, 1, 0), votes: 9, community: 9) };

        var ranked = ForYouScoring.Rank(candidates, model, [], [new LikedVector("liked", PositiveSource.Vote, liked)], personalWeight: 0, take: 2);

        Assert.Equal(["hot", "near"], ranked.Select(r => r.Paper.Id));
        Assert.NotEqual(ForYouReasonKind.CloseToLiked, ranked[1].Reason.Kind);
    }

    private static ForYouCandidate Candidate(string id, float[]? vector, int votes = 0, double community = 0, string[]? authors = null, string[]? categories = null) =>
        new(new ListedPaper { Id = id, Title = id, Abstract = "", Authors = authors ?? ["Someone Else"], Categories = categories ?? ["cs.LG"], Votes = votes }, vector, community);

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }
}
