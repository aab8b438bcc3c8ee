using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>Search:Embeddings:MaxTokens: where a text is cut, and that nothing shorter changes.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class TokenLimitTests(EmbeddingModels models)
{
    // Each of these words is one token in bert-base-uncased, so N words are N tokens between [CLS] and [SEP].
    private static readonly string[] OneTokenWords = ["the", "model", "learn", "a", "new", "task", "from", "data", "and", "text"];

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => OneTokenWords[i * 7 % OneTokenWords.Length]));

    [Theory]
    [InlineData(128)]
    [InlineData(512)]
    public void The_tokenizer_stops_at_the_limit_and_ends_with_sep(int limit)
    {
        var tokenizer = new EmbeddingTokenizer(EmbeddingModelProfile.MiniLm.ReadVocabulary(), limit);

        var ids = tokenizer.Tokenize(Words(700));

        Assert.Equal(limit, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal(12, tokenizer.Tokenize(Words(10)).Length);
    }

    [Fact]
    public void A_long_text_embeds_as_its_first_tokens_under_the_limit_and_a_short_one_as_before()
    {
        using var at128 = new TextEmbedder(new EmbeddingOptions { MaxTokens = 128 });

        var cut = at128.EmbedDocument(Words(300));

        Assert.Equal(128, at128.MaxTokens);
        Assert.True(Vectors.MaxDifference(cut, models.MiniLm.EmbedDocument(Words(126))) < 1e-4);
        Assert.True(Vectors.MaxDifference(cut, models.MiniLm.EmbedDocument(Words(300))) > 1e-3);
        Assert.True(Vectors.MaxDifference(at128.EmbedDocument(Words(100)), models.MiniLm.EmbedDocument(Words(100))) < 1e-5);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(513)]
    public void A_limit_outside_16_to_512_is_refused_at_start(int limit)
    {
        var result = new EmbeddingOptionsValidator().Validate(null, new EmbeddingOptions { MaxTokens = limit });

        Assert.True(result.Failed);
        Assert.Contains($"Search:Embeddings:MaxTokens is {limit}; expected 16 to 512.", result.FailureMessage, StringComparison.Ordinal);
    }
}
