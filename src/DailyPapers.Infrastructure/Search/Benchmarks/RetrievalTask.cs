namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>A corpus, judged queries and how to score them: what <see cref="RetrievalBench"/> runs.</summary>
public sealed record RetrievalTask(string Name, string Split, IReadOnlyList<BenchDocument> Corpus, IReadOnlyList<BenchQuery> Queries, RetrievalMeasure Measure)
{
    public static RetrievalTask From(BeirDataset dataset) =>
        new(dataset.Name, dataset.Split, dataset.Corpus, dataset.Queries, RetrievalMeasure.Beir);

    /// <summary>How deep each ranking must go for the measures.</summary>
    public int Depth => Measure == RetrievalMeasure.Beir ? 100 : 10;
}
