using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class SearchFiltersTests
{
    [Fact]
    public void None_IsEmptyAndValid()
    {
        Assert.True(SearchFilters.None.IsEmpty);
        Assert.Null(SearchFilters.None.Validate());
    }

    [Fact]
    public void PaperIds_EvenEmpty_Restrict()
    {
        Assert.False(new SearchFilters { PaperIds = [] }.IsEmpty);
        Assert.False(new SearchFilters { PaperIds = ["2506.00001"] }.IsEmpty);
        Assert.Null(new SearchFilters { PaperIds = [] }.Validate());
    }

    [Fact]
    public void Validate_StartAfterEnd_Explains()
    {
        var filters = new SearchFilters { From = new DateOnly(2025, 6, 10), To = new DateOnly(2025, 6, 1) };

        Assert.Equal("The start date 2025-06-10 is after the end date 2025-06-01: nothing can match.", filters.Validate());
    }

    [Theory]
    [InlineData("2025-06-10", "2025-06-10")]
    [InlineData("2025-06-01", "2025-06-10")]
    [InlineData("2025-06-01", null)]
    [InlineData(null, "2025-06-01")]
    [InlineData("2999-01-01", null)] // the future is empty, not impossible
    public void Validate_PossibleRange_IsNull(string? from, string? to)
    {
        var filters = new SearchFilters
        {
            From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Null(filters.Validate());
    }

    [Theory]
    [InlineData("cs.LG")]
    [InlineData("hep-th")]
    [InlineData("cs.*")]
    [InlineData("q-bio.NC")]
    [InlineData("cond-mat.stat-mech")]
    public void Validate_ArxivCategory_IsNull(string category) =>
        Assert.Null(new SearchFilters { Categories = [category] }.Validate());

    [Theory]
    [InlineData("cs LG")]
    [InlineData("")]
    [InlineData("cs.LG;drop")]
    [InlineData("*")]
    [InlineData("2406.12345")]
    public void Validate_NotACategory_Explains(string category) =>
        Assert.Equal($"\"{category}\" is not an arXiv category (such as cs.LG, hep-th or cs.*): nothing can match.",
            new SearchFilters { Categories = ["cs.LG", category] }.Validate());

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(-3, true)]
    [InlineData(5, false)]
    public void IsEmpty_MinVotes_CountsOnlyWhenPositive(int? minVotes, bool empty) =>
        Assert.Equal(empty, new SearchFilters { MinVotes = minVotes }.IsEmpty);

    [Fact]
    public void IsEmpty_HasCode_IsAFilter() => Assert.False(new SearchFilters { HasCode = true }.IsEmpty);
}
