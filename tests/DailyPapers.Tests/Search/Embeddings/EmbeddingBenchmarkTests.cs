using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

[Collection(EmbeddingTestGroup.Name)]
public sealed class EmbeddingBenchmarkTests
{
    [Fact]
    public async Task RunAsync_measures_both_sides_on_the_same_texts()
    {
        string[] texts = ["Attention is all you need.", "Diffusion models beat GANs on image synthesis.", "LoRA", "Scaling laws for neural language models."];

        var result = await EmbeddingBenchmark.RunAsync(texts, new EmbeddingOptions { BatchSize = 2 }, rounds: 1, CancellationToken.None);

        Assert.Equal((EmbeddingModelKind.MiniLm, 4, 2, 2), (result.Model, result.Texts, result.BatchSize, result.IntraOpThreads));
        Assert.True(result.Tokens > 4 * 2);
        Assert.True(result.EmbedderTextsPerSecond > 0 && result.RawTextsPerSecond > 0);
        Assert.Equal(result.RawSeconds / result.EmbedderSeconds, result.Ratio, 1e-9);
    }
}
