using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

public class AuthorAffinityTests
{
    [Fact]
    public void Score_sums_ln_of_one_plus_liked_papers_over_the_papers_authors()
    {
        // Ada is on two liked papers, Bo on one: a paper by both scores ln 3 + ln 2; by Cy alone, 0.
        var affinity = AuthorAffinity.From([["Ada Lovelace", "Bo Li"], ["Ada Lovelace"]]);

        Assert.Equal(Math.Log(3) + Math.Log(2), affinity.Score(["Bo Li", "Ada Lovelace", "Cy Young"]), 1e-12);
        Assert.Equal(0, affinity.Score(["Cy Young"]));
    }

    [Fact]
    public void Names_match_whatever_their_case_accents_and_spacing()
    {
        var affinity = AuthorAffinity.From([["José  Hernández"]]);

        Assert.Equal(Math.Log(2), affinity.Score(["jose hernandez"]), 1e-12);
        Assert.Equal("jose hernandez", AuthorAffinity.Normalize(" José\tHernández "));
    }

    [Fact]
    public void An_author_listed_twice_on_one_paper_counts_once()
    {
        var affinity = AuthorAffinity.From([["Ada Lovelace", "ada lovelace"]]);

        Assert.Equal(1, affinity.Authors["ada lovelace"]);
        Assert.Equal(Math.Log(2), affinity.Score(["Ada Lovelace", "ADA LOVELACE"]), 1e-12);
    }
}
