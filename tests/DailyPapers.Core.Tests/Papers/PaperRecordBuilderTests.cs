using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Tests.Papers;

public class PaperRecordBuilderTests
{
    private static PaperRecordBuilder ValidBuilder() => new()
    {
        Id = "2406.12345",
        Title = "Scaling Laws for Sparse Mixtures",
        Abstract = "We measure how sparse mixture-of-experts models scale\nwith data and compute.",
    };

    private static PaperRecord Build(PaperRecordBuilder builder)
    {
        Assert.True(builder.TryBuild(out var record, out var error), error);
        Assert.NotNull(record);
        return record;
    }

    private static string Reject(PaperRecordBuilder builder)
    {
        Assert.False(builder.TryBuild(out _, out var error));
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void TryBuild_ValidFields_NormalisesTitleAndAbstract()
    {
        var builder = ValidBuilder();
        builder.Title = "  Scaling Laws\n  for Sparse   Mixtures ";

        var record = Build(builder);

        Assert.Equal("Scaling Laws for Sparse Mixtures", record.Title);
    }

    [Fact]
    public void TryBuild_ValidFields_JoinsTheWrappedAbstract() =>
        Assert.Equal(
            "We measure how sparse mixture-of-experts models scale with data and compute.",
            Build(ValidBuilder()).Abstract);

    [Fact]
    public void SetAbstract_FromABuffer_NormalisesAsTheProperty()
    {
        var text = "  We measure how sparse models scale\nwith data.\n  A second paragraph.";
        var fromProperty = ValidBuilder();
        fromProperty.Abstract = text;
        var fromBuffer = ValidBuilder();
        fromBuffer.SetAbstract(("xx" + text + "yy").AsSpan(2, text.Length));

        Assert.Equal(Build(fromProperty).Abstract, Build(fromBuffer).Abstract);
        Assert.Equal("We measure how sparse models scale with data.\n\nA second paragraph.", Build(fromBuffer).Abstract);
    }

    [Fact]
    public void SetAbstract_ThenTheProperty_ThePropertyWinsAndIsNormalised()
    {
        var builder = ValidBuilder();
        builder.SetAbstract("An abstract from a buffer.");
        builder.Abstract = "  Set\nlater.";

        Assert.Equal("Set later.", Build(builder).Abstract);
    }

    [Fact]
    public void SetAbstract_OnlyWhitespace_IsAMissingAbstract()
    {
        var builder = ValidBuilder();
        builder.SetAbstract(" \n ");

        Assert.Equal("2406.12345: missing abstract", Reject(builder));
    }

    [Fact]
    public void TryBuild_IdWithPrefixAndVersion_StoresTheBareId() =>
        Assert.Equal("2406.12345", Build(Builder(id: "arXiv:2406.12345v3")).Id.Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryBuild_MissingId_SaysTheIdIsMissing(string? id) =>
        Assert.Equal("missing arXiv id", Reject(Builder(id: id)));

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("2513.00001")]
    [InlineData("<script>")]
    public void TryBuild_InvalidId_MessageGivesTheExpectedFormat(string id) =>
        Assert.Contains(ArxivId.ExpectedFormat, Reject(Builder(id: id)), StringComparison.Ordinal);

    [Fact]
    public void TryBuild_InvalidId_MessageQuotesTheId() =>
        Assert.StartsWith("invalid arXiv id \"not-an-id\"", Reject(Builder(id: "not-an-id")), StringComparison.Ordinal);

    [Fact]
    public void TryBuild_LongInvalidId_MessageQuotesOnlyItsStart() =>
        Assert.StartsWith(
            $"invalid arXiv id \"{new string('x', 40)}…\":",
            Reject(Builder(id: new string('x', 10_000))),
            StringComparison.Ordinal);

    [Fact]
    public void TryBuild_InvalidIdWithLineBreaksAndControlCharacters_MessageStaysOnOneLine() =>
        Assert.StartsWith(
            "invalid arXiv id \"2406.12345 forged log line\":",
            Reject(Builder(id: "2406.12345\r\nforged\u001B log line")),
            StringComparison.Ordinal);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t\u0000")]
    public void TryBuild_MissingTitle_IsRejected(string? title)
    {
        var builder = ValidBuilder();
        builder.Title = title;

        Assert.Equal("2406.12345: missing title", Reject(builder));
    }

    [Fact]
    public void TryBuild_TitleOverTheLimit_IsRejectedWithLengthAndLimit()
    {
        var builder = ValidBuilder();
        builder.Title = new string('t', PaperRecordBuilder.MaxTitleLength + 1);

        Assert.Equal(
            $"2406.12345: title is {PaperRecordBuilder.MaxTitleLength + 1:N0} characters long; " +
            $"the limit is {PaperRecordBuilder.MaxTitleLength:N0}",
            Reject(builder));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n  \r\n")]
    public void TryBuild_MissingAbstract_IsRejected(string? abstractText)
    {
        var builder = ValidBuilder();
        builder.Abstract = abstractText;

        Assert.Equal("2406.12345: missing abstract", Reject(builder));
    }

    [Fact]
    public void TryBuild_MissingAbstractWhenOptional_BuildsWithAnEmptyAbstract()
    {
        var builder = ValidBuilder();
        builder.Abstract = null;
        builder.AbstractOptional = true;

        Assert.Equal("", Build(builder).Abstract);
    }

    [Fact]
    public void TryBuild_AbstractAtTheLimit_IsAccepted()
    {
        var builder = ValidBuilder();
        builder.Abstract = new string('a', PaperRecordBuilder.MaxAbstractLength);

        Assert.Equal(PaperRecordBuilder.MaxAbstractLength, Build(builder).Abstract.Length);
    }

    [Fact]
    public void TryBuild_AbstractOneOverTheLimit_IsRejectedWithLengthAndLimit()
    {
        var builder = ValidBuilder();
        builder.Abstract = new string('a', PaperRecordBuilder.MaxAbstractLength + 1);

        Assert.Equal(
            $"2406.12345: abstract is {PaperRecordBuilder.MaxAbstractLength + 1:N0} characters long; " +
            $"the limit is {PaperRecordBuilder.MaxAbstractLength:N0}",
            Reject(builder));
    }

    [Fact]
    public void TryBuild_TwoMegabyteAbstract_IsRejectedWithLengthAndLimit()
    {
        var builder = ValidBuilder();
        builder.Abstract = new string('a', 2 * 1024 * 1024);

        Assert.Equal(
            $"2406.12345: abstract is {2 * 1024 * 1024:N0} characters long; " +
            $"the limit is {PaperRecordBuilder.MaxAbstractLength:N0}",
            Reject(builder));
    }

    [Theory]
    [InlineData("cs LG!", "LG!")]
    [InlineData("cs.LG stat.ML;", "stat.ML;")]
    [InlineData("CS.LG", "CS.LG")]
    [InlineData("<b>cs.LG</b>", "<b>cs.LG</b>")]
    public void TryBuild_InvalidCategory_IsRejectedNamingIt(string categories, string offending)
    {
        var builder = ValidBuilder();
        builder.Categories = categories;

        Assert.StartsWith($"2406.12345: invalid category \"{offending}\"", Reject(builder), StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_ValidCategories_KeepsThemPrimaryFirst()
    {
        var builder = ValidBuilder();
        builder.Categories = " cs.LG\n  hep-th q-bio.NC physics.atom-ph ";

        Assert.Equal(["cs.LG", "hep-th", "q-bio.NC", "physics.atom-ph"], Build(builder).Categories);
    }

    [Fact]
    public void TryBuild_DuplicateCategories_AreRemovedKeepingFirstOccurrenceOrder()
    {
        var builder = ValidBuilder();
        builder.Categories = "cs.LG stat.ML cs.LG cs.AI stat.ML";

        Assert.Equal(["cs.LG", "stat.ML", "cs.AI"], Build(builder).Categories);
    }

    [Fact]
    public void TryBuild_NoCategories_GivesAnEmptyList()
    {
        var builder = ValidBuilder();
        builder.Categories = null;

        Assert.Empty(Build(builder).Categories);
    }

    [Fact]
    public void TryBuild_VersionUnset_TakesTheIdSuffix() =>
        Assert.Equal(3, Build(Builder(id: "2406.12345v3")).Version);

    [Fact]
    public void TryBuild_VersionSet_WinsOverTheIdSuffix()
    {
        var builder = Builder(id: "2406.12345v3");
        builder.Version = 2;

        Assert.Equal(2, Build(builder).Version);
    }

    [Fact]
    public void TryBuild_NoVersionAnywhere_VersionIsNull() => Assert.Null(Build(ValidBuilder()).Version);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TryBuild_VersionBelowOne_IsIgnoredInFavourOfTheIdSuffix(int version)
    {
        var builder = Builder(id: "2406.12345v3");
        builder.Version = version;

        Assert.Equal(3, Build(builder).Version);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/paper")]
    [InlineData("/relative/path")]
    [InlineData("example.org")]
    [InlineData("   ")]
    public void TryBuild_ProjectPageNotAnHttpUrl_IsDropped(string url)
    {
        var builder = ValidBuilder();
        builder.ProjectPage = url;

        Assert.Null(Build(builder).ProjectPage);
    }

    [Theory]
    [InlineData("https://example.org/project")]
    [InlineData("http://example.org/")]
    public void TryBuild_ProjectPageHttpUrl_IsKept(string url)
    {
        var builder = ValidBuilder();
        builder.ProjectPage = url;

        Assert.Equal(url, Build(builder).ProjectPage);
    }

    [Fact]
    public void TryBuild_GithubRepoJavascriptUrl_IsDropped()
    {
        var builder = ValidBuilder();
        builder.GithubRepo = "javascript:alert(1)";

        Assert.Null(Build(builder).GithubRepo);
    }

    [Fact]
    public void TryBuild_GithubRepoHttpsUrl_IsKept()
    {
        var builder = ValidBuilder();
        builder.GithubRepo = " https://github.com/example/sparse-moe ";

        Assert.Equal("https://github.com/example/sparse-moe", Build(builder).GithubRepo);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(int.MinValue, null)]
    [InlineData(0, 0)]
    [InlineData(1234, 1234)]
    [InlineData(null, null)]
    public void TryBuild_GithubStars_NegativeBecomesNull(int? stars, int? expected)
    {
        var builder = ValidBuilder();
        builder.GithubStars = stars;

        Assert.Equal(expected, Build(builder).GithubStars);
    }

    [Fact]
    public void TryBuild_AiKeywords_AreTrimmedAndDeduplicatedInOrder()
    {
        var builder = ValidBuilder();
        builder.AiKeywords.AddRange([" mixture of experts ", "scaling\nlaws", "", "   ", "mixture of experts", "scaling laws"]);

        Assert.Equal(["mixture of experts", "scaling laws"], Build(builder).AiKeywords);
    }

    [Fact]
    public void TryBuild_Authors_AreDecodedAndBlankOnesDropped()
    {
        var builder = ValidBuilder();
        builder.Authors.AddRange(["Bal\\'azs  Szegedy", " ", "Kurt G\\\"odel"]);

        Assert.Equal(["Balázs Szegedy", "Kurt Gödel"], Build(builder).Authors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void TryBuild_BlankOptionalText_BecomesNull(string? comments)
    {
        var builder = ValidBuilder();
        builder.Comments = comments;

        Assert.Null(Build(builder).Comments);
    }

    [Fact]
    public void TryBuild_UpdatedAtUnset_FallsBackToSubmittedAt()
    {
        var submitted = new DateTimeOffset(2024, 6, 17, 17, 59, 0, TimeSpan.Zero);
        var builder = ValidBuilder();
        builder.SubmittedAt = submitted;

        Assert.Equal(submitted, Build(builder).UpdatedAt);
    }

    private static PaperRecordBuilder Builder(string? id)
    {
        var builder = ValidBuilder();
        builder.Id = id;
        return builder;
    }
}
