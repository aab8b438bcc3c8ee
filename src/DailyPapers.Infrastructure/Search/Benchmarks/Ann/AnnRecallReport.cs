namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>What <see cref="AnnRecallBench"/> measured on one store.</summary>
/// <param name="LoadSeconds">Building the graph from the stored vectors, or loading the saved one (<paramref name="FromFile"/>).</param>
/// <param name="Recalls">Recall@10 against the exact scan of the stored float vectors, per case.</param>
public sealed record AnnRecallReport(
    long Vectors,
    int Dimensions,
    string Quantization,
    bool FromFile,
    double LoadSeconds,
    long FileBytes,
    long GraphMemoryBytes,
    double RssMb,
    double PeakRssMb,
    int Queries,
    IReadOnlyList<AnnRecallCase> Recalls,
    IReadOnlyList<LatencyResult> Latencies);

/// <summary>
/// One case: how many papers pass its filter, the mean recall@10 of its queries, and how many queries had no passing
/// paper above the similarity floor (found nothing by meaning, as they should: they count as recalled when the search
/// found nothing too).
/// </summary>
public sealed record AnnRecallCase(string Name, long Passing, double RecallAt10, int BelowFloor);
