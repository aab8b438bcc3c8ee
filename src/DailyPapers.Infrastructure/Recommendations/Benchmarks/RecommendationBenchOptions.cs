using DailyPapers.Core.Recommendations;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>What <see cref="RecommendationBench"/> runs beside the fixed baselines and the peer.</summary>
public sealed record RecommendationBenchOptions
{
    /// <summary>The product's settings, measured as the "chosen" row whatever the tuning finds.</summary>
    public ReaderModelOptions Product { get; init; } = ReaderModelOptions.Chosen;

    /// <summary>Run the grid of dense settings and blend weights and choose among them on the tuning half.</summary>
    public bool Tune { get; init; } = true;

    /// <summary>The dense settings tried when tuning.</summary>
    public IReadOnlyList<ReaderModelOptions> Grid { get; init; } = DefaultGrid();

    /// <summary>Community weights tried in <see cref="ScoreBlend"/> when tuning.</summary>
    public IReadOnlyList<double> BlendWeights { get; init; } = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];

    public TfidfOptions Tfidf { get; init; } = TfidfOptions.ArxivSanityLite;

    /// <summary>Also run the peer on title and abstract only, to show how much of its ranking comes from author names.</summary>
    public bool PeerWithoutAuthors { get; init; } = true;

    public SparseSvmOptions Peer { get; init; } = SparseSvmOptions.ArxivSanityLite;

    /// <summary>Seeds the random baseline and the sampling of negatives.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Trainings timed at <see cref="TimingPositives"/> positives and <see cref="TimingNegatives"/> negatives (0: none).</summary>
    public int TimingRuns { get; init; } = 50;

    public int TimingPositives { get; init; } = 500;

    public int TimingNegatives { get; init; } = 2000;

    public static IReadOnlyList<ReaderModelOptions> DefaultGrid()
    {
        var basis = ReaderModelOptions.Chosen;
        return
        [
            .. new[] { 0, 0.25, 0.5, 1 }.Select(beta => basis with { Method = RecommenderMethod.NearestCentroid, NegativeWeight = beta }),
            .. new[] { 0.1, 1, 10 }.Select(c => basis with { Method = RecommenderMethod.LogisticRegression, C = c }),
            .. new[] { 0.01, 0.1, 1 }.Select(c => basis with { Method = RecommenderMethod.LinearSvm, C = c }),
            // Every earlier paper a negative, as the peer has it (about five times the rows, so the training time).
            basis with { Method = RecommenderMethod.LogisticRegression, C = 1, SampledNegatives = int.MaxValue },
            basis with { Method = RecommenderMethod.LinearSvm, C = 0.1, SampledNegatives = int.MaxValue },
        ];
    }
}
