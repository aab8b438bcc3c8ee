using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Tests.Papers;

public class ArxivIdTests
{
    [Theory]
    [InlineData("0704.0001")]
    [InlineData("1412.9999")]
    [InlineData("1501.00001")]
    [InlineData("2406.12345")]
    public void TryParse_NewStyleId_KeepsIt(string text)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out _));
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData("1412.12345")] // five digits before 1501
    [InlineData("1501.0001")] // four digits from 1501 on
    [InlineData("2406.1234")]
    public void TryParse_NumberLengthWrongForTheMonth_Fails(string text) =>
        Assert.False(ArxivId.TryParse(text, out _, out _));

    // Plain new-style ids skip the regex; these sit on each rule's edge.
    [Theory]
    [InlineData("0703.1234")] // before new-style ids
    [InlineData("2400.12345")]
    [InlineData("2413.12345")]
    [InlineData("24a6.12345")]
    [InlineData("2406,12345")]
    public void TryParse_PlainIdOutsideTheRules_Fails(string text) =>
        Assert.False(ArxivId.TryParse(text, out _, out _));

    [Theory]
    [InlineData("0704.0001")]
    [InlineData("1412.9999")]
    [InlineData("1501.00001")]
    [InlineData("2412.99999")]
    public void TryParse_PlainId_HasNoVersion(string text)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out var version));
        Assert.Equal((text, null), (id.Value, version));
    }

    [Theory]
    [InlineData("2406.12345v2", "2406.12345")]
    [InlineData("0704.0001v1", "0704.0001")]
    [InlineData("hep-th/9901001v12", "hep-th/9901001")]
    [InlineData("cond-mat/0001001v3", "cond-mat/0001001")]
    public void TryParse_VersionSuffix_IsStrippedFromValue(string text, string expected)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out _));
        Assert.Equal(expected, id.Value);
    }

    [Theory]
    [InlineData("2406.12345v2", 2)]
    [InlineData("0704.0001v1", 1)]
    [InlineData("hep-th/9901001v12", 12)]
    [InlineData("cond-mat/0001001v3", 3)]
    public void TryParse_VersionSuffix_IsReturnedAsVersion(string text, int expected)
    {
        Assert.True(ArxivId.TryParse(text, out _, out var version));
        Assert.Equal(expected, version);
    }

    [Fact]
    public void TryParse_NoVersionSuffix_VersionIsNull()
    {
        Assert.True(ArxivId.TryParse("2406.12345", out _, out var version));
        Assert.Null(version);
    }

    [Theory]
    [InlineData("arXiv:2406.12345")]
    [InlineData("arxiv:2406.12345v2")]
    [InlineData("  2406.12345\n")]
    [InlineData("https://arxiv.org/abs/2406.12345")]
    [InlineData("http://arxiv.org/abs/2406.12345")]
    [InlineData("https://arxiv.org/abs/2406.12345v2")]
    [InlineData("https://arxiv.org/abs/2406.12345/")]
    [InlineData("https://www.arxiv.org/abs/2406.12345")]
    [InlineData("http://www.arxiv.org/abs/2406.12345")]
    [InlineData("https://export.arxiv.org/abs/2406.12345")]
    [InlineData("arxiv.org/abs/2406.12345")]
    [InlineData("https://arxiv.org/pdf/2406.12345")]
    [InlineData("https://arxiv.org/pdf/2406.12345v2")]
    [InlineData("https://arxiv.org/pdf/2406.12345v2.pdf")]
    [InlineData("http://arxiv.org/pdf/2406.12345.pdf")]
    [InlineData("https://www.arxiv.org/pdf/2406.12345.pdf")]
    [InlineData("http://www.arxiv.org/pdf/2406.12345.pdf")]
    [InlineData("oai:arXiv.org:2406.12345")]
    [InlineData("https://huggingface.co/papers/2406.12345")]
    [InlineData("huggingface.co/papers/2406.12345")]
    public void TryParse_PastedForms_YieldTheBareId(string text)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out _));
        Assert.Equal("2406.12345", id.Value);
    }

    [Theory]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("math.GT/0309136", "math/0309136")]
    [InlineData("cond-mat/0001001v3", "cond-mat/0001001")]
    [InlineData("arXiv:hep-th/9901001", "hep-th/9901001")]
    [InlineData("oai:arXiv.org:hep-th/9901001", "hep-th/9901001")]
    [InlineData("https://arxiv.org/abs/math.GT/0309136v2", "math/0309136")]
    [InlineData("solv-int/9108001", "solv-int/9108001")]
    [InlineData("math/0703999", "math/0703999")]
    public void TryParse_OldStyleId_YieldsCanonicalArchiveSlashNumber(string text, string expected)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out _));
        Assert.Equal(expected, id.Value);
    }

    [Theory]
    [InlineData("hep-th/9107001")] // before arXiv began (1991-08)
    [InlineData("hep-th/0704001")] // old style ended with 2007-03
    [InlineData("hep-th/9913001")] // month 13
    public void TryParse_OldStyleIdOutsideItsEra_Fails(string text) =>
        Assert.False(ArxivId.TryParse(text, out _, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData("not-an-id")]
    [InlineData("2513.00001")] // month 13
    [InlineData("2400.1234")] // month 00
    [InlineData("9999.99999")] // month 99
    [InlineData("0612.1234")] // new style began with 0704
    [InlineData("<script>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("1234.567")] // three digits
    [InlineData("2406.123456")] // six digits
    [InlineData("hep-th/99010011")] // eight digits
    [InlineData("2406.12345v0")]
    [InlineData("2406.12345v")]
    [InlineData("2406.12345 2406.12346")]
    [InlineData("https://example.org/abs/2406.12345")]
    [InlineData("2406.\u0661\u0662\u0663\u0664\u0665")] // Arabic-Indic digits
    public void TryParse_NotAnArxivId_Fails(string? text) =>
        Assert.False(ArxivId.TryParse(text, out _, out _));

    [Fact]
    public void TryParse_TenThousandCharacters_Fails() =>
        Assert.False(ArxivId.TryParse("2406." + new string('1', 9_995), out _, out _));

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingTheExpectedFormat()
    {
        var ex = Assert.Throws<FormatException>(() => ArxivId.Parse("not-an-id"));
        Assert.Equal(ArxivId.ExpectedFormat, ex.Message);
    }

    [Theory]
    [InlineData("hep-th/9901001", true)]
    [InlineData("2406.12345", false)]
    public void IsOldStyle_TellsTheTwoSchemesApart(string text, bool expected) =>
        Assert.Equal(expected, ArxivId.Parse(text).IsOldStyle);

    [Fact]
    public void ToString_IsTheValue() => Assert.Equal("2406.12345", ArxivId.Parse("arXiv:2406.12345v2").ToString());
}
