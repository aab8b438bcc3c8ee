using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

public sealed class EmbeddingOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new EmbeddingOptionsValidator().Validate(null, new EmbeddingOptions()).Succeeded);
    }

    [Fact]
    public void Bad_values_are_named_with_their_key()
    {
        var options = new EmbeddingOptions { Model = (EmbeddingModelKind)7, IntraOpThreads = 0, BatchSize = 0 };

        var result = new EmbeddingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Search:Embeddings:Model", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Search:Embeddings:IntraOpThreads", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Search:Embeddings:BatchSize", result.FailureMessage, StringComparison.Ordinal);
    }
}
