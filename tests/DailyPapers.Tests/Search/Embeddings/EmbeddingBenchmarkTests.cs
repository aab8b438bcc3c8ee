using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

[Collection(EmbeddingTestGroup.Name)]
public sealed class EmbeddingBenchmarkTests
{
    [Fact]
    public async Task RunAsync_measures_each_configuration_beside_raw_onnx_runtime_on_the_same_texts()
    {
        string[] texts = ["Attention is all you need.", "Diffusion models beat GANs on image synthesis.", "LoRA", "Scaling laws for neural language models."];
        EmbeddingOptions[] configurations = [new() { BatchSize = 2 }, new() { BatchSize = 1, MaxTokens = 16, IntraOpThreads = 1 }];

        var results = await EmbeddingBenchmark.RunAsync(texts, configurations, rounds: 2, CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.Equal((EmbeddingModelKind.MiniLm, 4, 2, 2, 128), (results[0].Model, results[0].Texts, results[0].BatchSize, results[0].IntraOpThreads, results[0].MaxTokens));
        Assert.Equal((1, 1, 16), (results[1].BatchSize, results[1].IntraOpThreads, results[1].MaxTokens));
        Assert.True(results[0].Tokens > 4 * 2);
        Assert.True(results[0].PaddedTokens > results[0].Tokens, "batches of two texts of different lengths are padded");
        Assert.Equal(results[1].Tokens, results[1].PaddedTokens);
        Assert.All(results, r => Assert.Equal(2, r.EmbedderRounds.Count));
        Assert.All(results, r => Assert.True(r.EmbedderTextsPerSecond > 0 && r.RawTextsPerSecond > 0));
        Assert.Equal(results[0].RawSeconds / results[0].EmbedderSeconds, results[0].Ratio, 1e-9);
    }
}
