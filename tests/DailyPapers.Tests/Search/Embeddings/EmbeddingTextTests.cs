using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

public sealed class EmbeddingTextTests
{
    [Theory]
    [InlineData("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models", "ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models")]
    [InlineData("  a\u00A0b\r\n\tc  ", "a b c")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData(" \n ", "")]
    public void Normalize_collapses_whitespace_runs_and_trims(string? text, string expected)
    {
        Assert.Equal(expected, EmbeddingText.Normalize(text));
    }

    [Fact]
    public void Normalize_keeps_LaTeX_as_written()
    {
        const string Text = "We bound $\\|x\\|_2 \\leq \\epsilon$ and use \\textit{SGD} with $O(n^{2})$ cost.";

        Assert.Equal(Text, EmbeddingText.Normalize(Text));
    }

    [Theory]
    [InlineData("Attention Is All You Need", "The dominant models...", "Attention Is All You Need. The dominant models...")]
    [InlineData("Is Attention All You Need?", "We ask.", "Is Attention All You Need? We ask.")]
    [InlineData("A Title\n  Wrapped", null, "A Title Wrapped")]
    [InlineData("", "Only an abstract.", "Only an abstract.")]
    public void ForPaper_joins_title_and_abstract_as_one_document(string title, string? abstractText, string expected)
    {
        Assert.Equal(expected, EmbeddingText.ForPaper(title, abstractText));
    }
}
