namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// One configuration in <see cref="EmbeddingBenchmark"/>: the texts through our embedder end to end, and through bare
/// ONNX Runtime on the same token batches. Seconds are the median of the rounds.
/// </summary>
public sealed record EmbeddingBenchmarkResult(
    EmbeddingModelKind Model,
    int Texts,
    int Tokens,
    int PaddedTokens,
    int MaxTokens,
    int BatchSize,
    int BatchTokens,
    int IntraOpThreads,
    int Rounds,
    double EmbedderSeconds,
    double RawSeconds,
    double TokenizeSeconds)
{
    /// <summary>The embedder's seconds in each round, in the order they ran.</summary>
    public IReadOnlyList<double> EmbedderRounds { get; init; } = [];

    /// <summary>Our throughput: text preparation, tokenisation, inference, pooling and normalisation.</summary>
    public double EmbedderTextsPerSecond => Texts / EmbedderSeconds;

    /// <summary>Only <c>InferenceSession.Run</c> on tensors made beforehand: the ceiling for any wrapper.</summary>
    public double RawTextsPerSecond => Texts / RawSeconds;

    /// <summary>Our throughput as a share of raw ONNX Runtime.</summary>
    public double Ratio => RawSeconds / EmbedderSeconds;

    /// <summary>The target: embedding throughput within 10% of raw ONNX Runtime on the same texts.</summary>
    public bool WithinTenPercent => Ratio >= 0.9;

    /// <summary>How much of what the model ran was padding.</summary>
    public double PaddingShare => PaddedTokens == 0 ? 0 : 1 - ((double)Tokens / PaddedTokens);
}
