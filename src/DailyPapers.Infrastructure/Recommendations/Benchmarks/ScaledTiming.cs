namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>Training time of one reader model at a fixed size (the 500 signals against ~2,000 sampled papers).</summary>
public sealed record ScaledTiming(string Name, string Settings, int Positives, int Negatives, TrainingTime Time);
