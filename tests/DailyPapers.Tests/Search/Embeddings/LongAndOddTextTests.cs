using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

[Collection(EmbeddingTestGroup.Name)]
public sealed class LongAndOddTextTests(EmbeddingModels models)
{
    // Each of these words is one token in bert-base-uncased, so N words are N tokens between [CLS] and [SEP].
    private static readonly string[] OneTokenWords = ["the", "model", "learn", "a", "new", "task", "from", "data", "and", "text"];

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => OneTokenWords[i * 7 % OneTokenWords.Length]));

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm)]
    [InlineData(EmbeddingModelKind.ArcticXs)]
    public void A_text_over_256_tokens_embeds_as_its_first_254_tokens(EmbeddingModelKind kind)
    {
        var embedder = models.For(kind);

        var whole = embedder.EmbedDocument(Words(700));

        Assert.True(Vectors.MaxDifference(whole, embedder.EmbedDocument(Words(254))) < 1e-4);
        Assert.True(Vectors.MaxDifference(whole, embedder.EmbedDocument(Words(200))) > 1e-3);
    }

    [Fact]
    public void The_tokenizer_stops_at_256_tokens_and_ends_with_sep()
    {
        var tokenizer = new EmbeddingTokenizer(EmbeddingModelProfile.MiniLm.ReadVocabulary(), 256);

        var ids = tokenizer.Tokenize(Words(700));

        Assert.Equal(256, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal(12, tokenizer.Tokenize(Words(10)).Length);
    }

    [Fact]
    public void The_tokenizer_is_uncased_and_strips_accents_like_the_reference()
    {
        var tokenizer = new EmbeddingTokenizer(EmbeddingModelProfile.MiniLm.ReadVocabulary(), 256);

        Assert.Equal(tokenizer.Tokenize("resume of the cafe"), tokenizer.Tokenize("Résumé of the CAFÉ"));
        Assert.Equal(0, tokenizer.PadId);
    }

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm, "")]
    [InlineData(EmbeddingModelKind.ArcticXs, "")]
    [InlineData(EmbeddingModelKind.MiniLm, "   \n\t ")]
    [InlineData(EmbeddingModelKind.MiniLm, "深度学习用于图像分类的卷积神经网络")]
    [InlineData(EmbeddingModelKind.ArcticXs, "Глубокое обучение для классификации изображений")]
    [InlineData(EmbeddingModelKind.MiniLm, "التعلم العميق 🤖 ∑ᵢ xᵢ² ≤ ε")]
    public void Empty_blank_and_non_Latin_text_give_unit_vectors(EmbeddingModelKind kind, string text)
    {
        var embedder = models.For(kind);

        Assert.Equal(1.0, Vectors.Norm(embedder.EmbedDocument(text)), 1e-5);
        Assert.Equal(1.0, Vectors.Norm(embedder.EmbedQuery(text)), 1e-5);
    }

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm)]
    [InlineData(EmbeddingModelKind.ArcticXs)]
    public void Ten_thousand_characters_embed_without_error(EmbeddingModelKind kind)
    {
        var embedder = models.For(kind);
        var prose = string.Concat(Enumerable.Repeat("Transformers scale with data; $O(n^2)$ attention costs memory. ", 160))[..10_000];
        var oneWord = new string('x', 10_000);

        Assert.Equal(1.0, Vectors.Norm(embedder.EmbedQuery(prose)), 1e-5);
        Assert.Equal(1.0, Vectors.Norm(embedder.EmbedDocument(oneWord)), 1e-5);
    }
}
