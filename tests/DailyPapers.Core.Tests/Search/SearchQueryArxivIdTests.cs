using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class SearchQueryArxivIdTests
{
    [Theory]
    [InlineData("2406.12345", "2406.12345")]
    [InlineData("2406.12345v2", "2406.12345")]
    [InlineData("arXiv:2406.12345", "2406.12345")]
    [InlineData("(arXiv:2406.12345),", "2406.12345")]
    [InlineData("see 2406.12345.", "2406.12345")]
    [InlineData("https://arxiv.org/abs/2406.12345", "2406.12345")]
    [InlineData("https://arxiv.org/pdf/2406.12345v3", "2406.12345")]
    [InlineData("https://arxiv.org/html/2406.12345v1", "2406.12345")]
    [InlineData("https://arxiv.org/abs/2406.12345?context=cs.LG", "2406.12345")]
    [InlineData("https://huggingface.co/papers/2406.12345", "2406.12345")]
    [InlineData("https://huggingface.co/papers/2406.12345#community", "2406.12345")]
    [InlineData("https://www.alphaxiv.org/abs/2406.12345", "2406.12345")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001")]
    public void Parse_IdOrLink_IsCapturedAsId(string query, string expected)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.Equal(expected, Assert.Single(parsed.ArxivIds).Value);
        Assert.False(parsed.IsEmpty);
    }

    [Fact]
    public void Parse_IdAlone_HasNoClausesAndNoFreeText()
    {
        var parsed = SearchQuery.Parse("2406.12345");

        Assert.Empty(parsed.Clauses);
        Assert.Equal("", parsed.FreeText);
        Assert.Null(parsed.Notice);
    }

    [Fact]
    public void Parse_IdAmongWords_KeepsBoth()
    {
        var parsed = SearchQuery.Parse("attention 1706.03762 transformer");

        Assert.Equal("attention transformer 1706.03762", parsed.ToString());
        Assert.Equal("attention transformer", parsed.FreeText);
    }

    [Fact]
    public void Parse_SameIdTwice_IsCapturedOnce() =>
        Assert.Single(SearchQuery.Parse("2406.12345 arXiv:2406.12345v2 https://arxiv.org/abs/2406.12345").ArxivIds);

    [Fact]
    public void Parse_SeveralIds_KeepTheirOrder() =>
        Assert.Equal(["2406.12345", "1706.03762"], SearchQuery.Parse("2406.12345 1706.03762").ArxivIds.Select(id => id.Value));

    [Theory]
    [InlineData("1234.5678", "1234.5678")] // month 34
    [InlineData("3.14", "3.14")]
    [InlineData("2406.1234", "2406.1234")] // four digits after 1501
    [InlineData("-2406.12345", "-2406.12345")] // excluding a paper is a word, not a pin
    [InlineData("ti:2406.12345", "ti:2406.12345")]
    [InlineData("https://arxiv.org/list/cs.LG/recent", "arxiv.org/list/cs.LG/recent")]
    public void Parse_NotAnId_StaysAWord(string query, string expected)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.Empty(parsed.ArxivIds);
        Assert.Equal(expected, parsed.ToString());
    }
}
