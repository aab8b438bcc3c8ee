using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Tests.Papers;

public class PaperTextTests
{
    [Theory]
    [InlineData("  Attention   Is All\nYou Need  ", "Attention Is All You Need")]
    [InlineData("Deep\tLearning", "Deep Learning")]
    [InlineData("Deep\r\n  Learning", "Deep Learning")]
    [InlineData("Deep\u00A0Learning", "Deep Learning")]
    [InlineData("Deep \t\n Learning", "Deep Learning")]
    public void SingleLine_Whitespace_CollapsesToSingleSpaces(string text, string expected) =>
        Assert.Equal(expected, PaperText.SingleLine(text));

    [Theory]
    [InlineData("Deep\u0000Learning", "DeepLearning")]
    [InlineData("Deep\u0007Lear\u001Bning\u007F", "DeepLearning")]
    [InlineData("Deep \u0000 Learning", "Deep Learning")]
    [InlineData("\u0000", "")]
    [InlineData("\uFEFFDeep Learning", "Deep Learning")]
    [InlineData("Deep\u200BLearning", "DeepLearning")]
    [InlineData("Deep\uFFFFLearning", "DeepLearning")]
    public void SingleLine_ControlAndInvisibleCharacters_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, PaperText.SingleLine(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public void SingleLine_NothingVisible_ReturnsEmpty(string? text) =>
        Assert.Equal("", PaperText.SingleLine(text));

    [Fact]
    public void Paragraphs_HardWrappedLines_AreJoinedWithSpaces()
    {
        const string text = "We study the problem of learning from noisy labels\n" +
            "and show that a simple loss correction\n" +
            "recovers the clean-label accuracy.\n";

        Assert.Equal(
            "We study the problem of learning from noisy labels and show that a simple loss correction " +
            "recovers the clean-label accuracy.",
            PaperText.Paragraphs(text));
    }

    [Fact]
    public void Paragraphs_IndentedLineAfterText_StartsANewParagraph()
    {
        const string text = "Large language models hallucinate when asked about\n" +
            "rare entities.\n" +
            "  To this end, we propose a retrieval step that grounds\n" +
            "each answer.\n";

        Assert.Equal(
            "Large language models hallucinate when asked about rare entities.\n\n" +
            "To this end, we propose a retrieval step that grounds each answer.",
            PaperText.Paragraphs(text));
    }

    [Fact]
    public void Paragraphs_KaggleLeadingIndent_DoesNotCreateAnEmptyParagraph()
    {
        const string text = "  A fully differential calculation in perturbative quantum chromodynamics is\n" +
            "presented for the production of massive photon pairs at hadron colliders.\n";

        Assert.Equal(
            "A fully differential calculation in perturbative quantum chromodynamics is presented for the " +
            "production of massive photon pairs at hadron colliders.",
            PaperText.Paragraphs(text));
    }

    [Fact]
    public void Paragraphs_KaggleIndentedParagraphs_AreSeparatedByABlankLine()
    {
        const string text = "  A fully differential calculation is\n" +
            "presented for massive photon pairs.\n" +
            "  All next-to-leading order contributions are\n" +
            "included.\n";

        Assert.Equal(
            "A fully differential calculation is presented for massive photon pairs.\n\n" +
            "All next-to-leading order contributions are included.",
            PaperText.Paragraphs(text));
    }

    [Fact]
    public void Paragraphs_CrLfLineEndings_AreHandledLikeLf() =>
        Assert.Equal(
            "First line second line.\n\nSecond paragraph.",
            PaperText.Paragraphs("First line\r\nsecond line.\r\n\r\nSecond paragraph.\r\n"));

    [Theory]
    [InlineData("First paragraph.\n\nSecond paragraph.")]
    [InlineData("First paragraph.\n\n\n\nSecond paragraph.")]
    [InlineData("First paragraph.\n   \t\nSecond paragraph.")]
    [InlineData("\n\nFirst paragraph.\n\nSecond paragraph.\n\n")]
    public void Paragraphs_BlankLines_SeparateParagraphsOnce(string text) =>
        Assert.Equal("First paragraph.\n\nSecond paragraph.", PaperText.Paragraphs(text));

    [Fact]
    public void Paragraphs_SingleSpaceIndent_ContinuesTheParagraph() =>
        Assert.Equal("We study X and Y.", PaperText.Paragraphs("We study X\n and Y."));

    [Fact]
    public void Paragraphs_ControlCharactersInsideALine_AreRemoved() =>
        Assert.Equal("We study X.", PaperText.Paragraphs("We\u0000 study\tX."));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n\n ")]
    public void Paragraphs_NothingVisible_ReturnsEmpty(string? text) =>
        Assert.Equal("", PaperText.Paragraphs(text));

    [Theory]
    [InlineData("  A fully\n  indented abstract\nwrapped here.\n\n  Second paragraph.  ")]
    [InlineData("Tabs\tand\u00A0odd  spaces\r\nand CRLF\rand CR")]
    [InlineData("Controls\u0007 dropped, \u200Bzero width, caf\u00E9 and \U0001F600 kept")]
    [InlineData(" \n\t ")]
    [InlineData("")]
    public void Paragraphs_OfASpan_EqualsParagraphsOfTheString(string text) =>
        Assert.Equal(PaperText.Paragraphs(text), PaperText.Paragraphs(text.AsSpan()));

    [Fact]
    public void Snippet_LongText_CutsAtAWordBoundaryWithAnEllipsis() =>
        Assert.Equal("The quick brown…", PaperText.Snippet("The quick brown fox jumps over the lazy dog", 18));

    [Fact]
    public void Snippet_LimitFallsOnASpace_CutsThereWithoutTrailingSpace() =>
        Assert.Equal("The quick…", PaperText.Snippet("The quick brown fox", 9));

    [Fact]
    public void Snippet_NoSpaceInTheSecondHalf_CutsTheWordAtTheLimit() =>
        Assert.Equal("Pneumonoul…", PaperText.Snippet("Pneumonoultramicroscopic silicovolcanoconiosis", 10));

    [Theory]
    [InlineData("Short abstract.", 15)]
    [InlineData("Short abstract.", 100)]
    public void Snippet_TextWithinTheLimit_IsReturnedWhole(string text, int maxChars) =>
        Assert.Equal(text, PaperText.Snippet(text, maxChars));

    [Fact]
    public void Snippet_MultiLineText_IsFlattenedFirst() =>
        Assert.Equal("First para. Second…", PaperText.Snippet("First\npara.\n\nSecond paragraph here.", 19));

    [Theory]
    [InlineData("Caf\uFFFD au lait", true)]
    [InlineData("Café au lait", false)]
    public void HasReplacementCharacters_DetectsU_FFFD(string text, bool expected) =>
        Assert.Equal(expected, PaperText.HasReplacementCharacters(text));
}
