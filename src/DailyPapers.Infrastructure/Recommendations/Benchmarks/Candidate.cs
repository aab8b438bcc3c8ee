using DailyPapers.Core.Recommendations;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// A tuned setting that may become the product's: its measures, its scores per reader-week (for paired comparisons),
/// and the tuning-half nDCG@10 of its classifier alone, without blends.
/// </summary>
internal sealed record Candidate(MethodResult Result, Func<int, double[]> Scores, double ClassifierTuningNdcg, ReaderModelOptions Settings);
