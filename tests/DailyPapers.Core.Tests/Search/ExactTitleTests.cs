using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class ExactTitleTests
{
    [Theory]
    [InlineData("bert pre-training of deep bidirectional transformers for language understanding",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")]
    [InlineData("Schrodinger bridges", "Schrödinger Bridges")]
    [InlineData("  Attention   is all you need. ", "Attention Is All You Need")]
    [InlineData("ｇｒａｐｈ networks", "Graph Networks")]
    public void Matches_SameWords_IsTrue(string query, string title) => Assert.True(ExactTitle.Matches(query, title));

    [Theory]
    [InlineData("bert pretraining of deep bidirectional transformers for language understanding",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")]
    [InlineData("attention is all", "Attention Is All You Need")]
    [InlineData("", "")]
    [InlineData("?!", "")]
    [InlineData(null, "Attention")]
    public void Matches_DifferentOrNoWords_IsFalse(string? query, string title) =>
        Assert.False(ExactTitle.Matches(query, title));

    [Fact]
    public void Key_LoneSurrogate_DoesNotThrow() => Assert.Equal("a b", ExactTitle.Key("a\uD800b"));
}
