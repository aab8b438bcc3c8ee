namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>Means over reader-weeks of Recall@10, nDCG@10 and MRR, with how many reader-weeks and readers they cover.</summary>
public sealed record MetricSet(double Recall10, double Ndcg10, double Mrr, int ReaderWeeks, int Readers)
{
    public static MetricSet Empty { get; } = new(0, 0, 0, 0, 0);
}
