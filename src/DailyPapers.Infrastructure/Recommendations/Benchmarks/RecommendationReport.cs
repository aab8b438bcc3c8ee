namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// The outcome of <see cref="RecommendationBench"/>: the task's size, one row per method (baselines, the peer, the
/// tuned candidates and the product's chosen settings), every grid setting tried, and training times.
/// </summary>
/// <param name="HeldOutFrom">First week of the held-out half; settings were chosen on the weeks before it.</param>
/// <param name="Selected">The candidate <see cref="CandidateSelection"/> picks on the tuning half, or null without tuning.</param>
/// <param name="SelectionNote">Why: the best on the tuning half and the candidates tied with it.</param>
/// <param name="PeerIterations">Solver passes of the peer's SVMs: median and most, and how many stopped at max_iter.</param>
public sealed record RecommendationReport(
    int Papers,
    int Readers,
    int ReaderWeeks,
    int MinSubmissions,
    DateOnly? FirstWeek,
    DateOnly? LastWeek,
    DateOnly? HeldOutFrom,
    int TfidfFeatures,
    (int Median, int Most, int AtLimit) PeerIterations,
    IReadOnlyList<MethodResult> Methods,
    IReadOnlyList<MethodResult> Grid,
    string? Selected,
    string SelectionNote,
    IReadOnlyList<ScaledTiming> Timings)
{
    public MethodResult this[string name] => Methods.First(m => m.Name == name);

    public MethodResult Chosen => Methods.First(m => m.Kind == "chosen");
}
