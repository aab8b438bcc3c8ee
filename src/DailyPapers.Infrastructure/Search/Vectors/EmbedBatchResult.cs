namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>One batch of <see cref="PaperEmbedder"/>: papers brought up to date, and how many of them the model ran on.</summary>
public readonly record struct EmbedBatchResult(int Papers, int Embedded);
