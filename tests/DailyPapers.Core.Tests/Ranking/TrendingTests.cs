using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;

namespace DailyPapers.Core.Tests.Ranking;

public class TrendingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_HalvesEveryHalfLife()
    {
        var halfLife = TimeSpan.FromDays(2);

        Assert.Equal(40, Trending.Score(40, Now, Now, halfLife), 9);
        Assert.Equal(20, Trending.Score(40, Now.AddDays(-2), Now, halfLife), 9);
        Assert.Equal(10, Trending.Score(40, Now.AddDays(-4), Now, halfLife), 9);
    }

    [Fact]
    public void Score_NoVotesOrFutureVotes()
    {
        Assert.Equal(0, Trending.Score(0, Now, Now, TimeSpan.FromDays(1)));
        Assert.Equal(0, Trending.Score(-3, Now, Now, TimeSpan.FromDays(1)));
        Assert.Equal(5, Trending.Score(5, Now.AddHours(3), Now, TimeSpan.FromDays(1)), 9);
    }

    [Fact]
    public void Rank_AFreshPaperOvertakesAnOlderOneWithMoreVotes()
    {
        var old = Paper("2506.00001", votes: 30, listedAt: Now.AddDays(-4));
        var fresh = Paper("2506.00002", votes: 10, listedAt: Now.AddHours(-6));
        var tieA = Paper("2506.00004", votes: 10, listedAt: Now.AddHours(-6));

        var ranked = Trending.Rank([old, tieA, fresh], Now, TimeSpan.FromDays(2));

        Assert.Equal(["2506.00002", "2506.00004", "2506.00001"], ranked.Select(t => t.Paper.Id));
        Assert.Equal(7.5, ranked[2].Score, 9);
    }

    [Fact]
    public void Rank_LocalVotesAgeFromWhenTheyWereCastAndLaterOnesDoNotCount()
    {
        // Listed four days ago with 2 imported votes and 2 local ones: one cast now, one after the moment ranked.
        var paper = Paper("2506.00001", votes: 4, listedAt: Now.AddDays(-4));
        var local = new Dictionary<string, IReadOnlyList<DateTimeOffset>> { ["2506.00001"] = [Now, Now.AddHours(1)] };

        var ranked = Trending.Rank([paper], Now, TimeSpan.FromDays(2), local);

        Assert.Equal(2 * 0.25 + 1, ranked[0].Score, 9);
    }

    [Fact]
    public void AsOf_IsNowOrTheEndOfTheLatestListingDay()
    {
        Assert.Equal(Now, Trending.AsOf(Now, null));
        Assert.Equal(Now, Trending.AsOf(Now, new DateOnly(2025, 6, 10)));
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 0, 0, 0, TimeSpan.Zero), Trending.AsOf(Now, new DateOnly(2025, 5, 1)));
    }

    [Theory]
    [InlineData(TrendingWindow.Day, "2025-06-10", "2025-06-10")]
    [InlineData(TrendingWindow.Week, "2025-06-04", "2025-06-10")]
    [InlineData(TrendingWindow.Month, "2025-05-12", "2025-06-10")]
    public void Days_EndOnTheDayOfAsOf(TrendingWindow window, string first, string last)
    {
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), Trending.Days(window, Now));
        // Midnight belongs to the day before: as of the end of June 10, the window still ends on June 10.
        Assert.Equal(DateOnly.Parse(last), Trending.Days(window, new DateTimeOffset(2025, 6, 11, 0, 0, 0, TimeSpan.Zero)).Last);
    }

    [Theory]
    [InlineData("day", TrendingWindow.Day)]
    [InlineData("WEEK", TrendingWindow.Week)]
    [InlineData("month", TrendingWindow.Month)]
    public void TryParse_KnownWindows(string text, TrendingWindow expected)
    {
        Assert.True(Trending.TryParse(text, out var window));
        Assert.Equal(expected, window);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("year")]
    [InlineData("1")]
    public void TryParse_Others_False(string? text) => Assert.False(Trending.TryParse(text, out _));

    private static ListedPaper Paper(string id, int votes, DateTimeOffset listedAt) => new()
    {
        Id = id,
        Title = id,
        Abstract = "",
        Authors = [],
        Categories = [],
        Votes = votes,
        ListedAt = listedAt,
        ListedOn = DateOnly.FromDateTime(listedAt.UtcDateTime),
    };
}
