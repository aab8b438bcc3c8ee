namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>Which measures a retrieval benchmark reports.</summary>
public enum RetrievalMeasure
{
    /// <summary>Graded judgements, many relevant documents per query: nDCG@10 and Recall@100, as BEIR reports.</summary>
    Beir,

    /// <summary>One sought document per query (known-item search): MRR@10 and Recall@10.</summary>
    KnownItem,
}
