using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class RankFusionTests
{
    [Fact]
    public void Fuse_TwoLists_OrdersBySumOfReciprocalRanks()
    {
        // a: 1/61 = .01639; b: 1/62 + 1/61 = .03252; c: 1/63 + 1/62 = .03200; d: 1/63 = .01587
        string[][] lists = [["a", "b", "c"], ["b", "c", "d"]];

        Assert.Equal(["b", "c", "a", "d"], RankFusion.Fuse(lists, limit: 10));
    }

    [Fact]
    public void Fuse_ItemInOneListOnly_IsKeptBelowItemsInBoth()
    {
        string[][] lists = [["only-lexical", "both"], ["both"]];

        Assert.Equal(["both", "only-lexical"], RankFusion.Fuse(lists, limit: 10));
    }

    [Fact]
    public void Fuse_EqualScoreAndBestRank_BreaksTieById()
    {
        string[][] lists = [["z"], ["a"]];

        Assert.Equal(["a", "z"], RankFusion.Fuse(lists, limit: 10));
    }

    [Fact]
    public void Fuse_EqualScore_BetterBestRankFirst()
    {
        // With k = 0: p = 1/1, x = 1/1, q = 1/2 + 1/2: all 1, but q was never first.
        string[][] lists = [["q", "p"], ["x", "q"]];
        string[][] swapped = [["p", "q"], ["x", "q"]];

        Assert.Equal(["p", "x", "q"], RankFusion.Fuse(swapped, limit: 10, k: 0));
        Assert.Equal(["q", "x", "p"], RankFusion.Fuse(lists, limit: 10, k: 0));
    }

    [Fact]
    public void Fuse_Limit_CutsTheList() =>
        Assert.Equal(["b", "c"], RankFusion.Fuse([["a", "b", "c"], ["b", "c", "d"]], limit: 2));

    [Fact]
    public void Fuse_ZeroLimit_IsEmpty() => Assert.Empty(RankFusion.Fuse([["a"]], limit: 0));

    [Fact]
    public void Fuse_NoLists_IsEmpty() => Assert.Empty(RankFusion.Fuse([], limit: 10));

    [Fact]
    public void Fuse_RepeatInOneList_CountsOnceAtItsBestRank()
    {
        // a: 1/61 once (not 1/61 + 1/62); b keeps its position, 3: 1/63. c: 1/62 from the second list.
        string[][] lists = [["a", "a", "b"], ["x", "c"]];

        Assert.Equal(["a", "x", "c", "b"], RankFusion.Fuse(lists, limit: 10));
    }

    [Fact]
    public void Fuse_Weights_FavourTheHeavierList()
    {
        string[][] lists = [["a"], ["b"]];

        Assert.Equal(["b", "a"], RankFusion.Fuse(lists, limit: 10, weights: [1.0, 2.0]));
    }

    [Fact]
    public void Fuse_WrongNumberOfWeights_Throws() =>
        Assert.Throws<ArgumentException>(() => RankFusion.Fuse([["a"], ["b"]], limit: 10, weights: [1.0]));

    [Fact]
    public void Fuse_EmptyIds_AreSkipped() => Assert.Equal(["a"], RankFusion.Fuse([["", "a"]], limit: 10));

    [Fact]
    public void PutFirst_ExactMatch_MovesToTopOnce() =>
        Assert.Equal(["c", "a", "b"], RankFusion.PutFirst(["a", "b", "c"], ["c"], limit: 10));

    [Fact]
    public void PutFirst_IdRetrievalMissed_IsStillFirst() =>
        Assert.Equal(["x", "a", "b"], RankFusion.PutFirst(["a", "b", "c"], ["x"], limit: 3));

    [Fact]
    public void PutFirst_IdAndTitleMatch_KeepTheirOrder() =>
        Assert.Equal(["id", "title", "a"], RankFusion.PutFirst(["a", "title"], ["id", "title", "id"], limit: 10));
}
