namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// One ranking method's measures: on the tuning half (the weeks settings were chosen on), the held-out half and all
/// reader-weeks; and, for learnt methods, the time to train one reader's model.
/// </summary>
/// <param name="Name">Short and stable (e.g. <c>most-voted</c>, <c>svm+votes</c>); <paramref name="Settings"/> says how it was set.</param>
/// <param name="Kind">baseline, peer, peer-blend (the peer with our blends), diagnostic, candidate (tuned, may be selected), chosen (the product's settings) or grid.</param>
public sealed record MethodResult(
    string Name, string Kind, string Settings, MetricSet Tuning, MetricSet HeldOut, MetricSet All, TrainingTime? Training);
