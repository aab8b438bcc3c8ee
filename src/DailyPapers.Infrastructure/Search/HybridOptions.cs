namespace DailyPapers.Infrastructure.Search;

/// <summary>
/// The <c>Search:Hybrid</c> configuration section: how lexical and vector results are fused. Initial values repeat
/// appsettings.json; they were chosen on NFCorpus's train and dev splits (docs/benchmarks.md), never on test.
/// </summary>
public sealed class HybridOptions
{
    public const string Section = "Search:Hybrid";

    /// <summary>Results taken from each retriever before fusion (more when a deep page asks for more).</summary>
    public int Candidates { get; set; } = 100;

    /// <summary>
    /// The reciprocal rank fusion constant: 60 in Cormack et al.; 20 measured best on NFCorpus dev and train (hybrid
    /// nDCG@10 0.329 and 0.350 against 0.324 and 0.347 at 60), trusting each list's first ranks a little more.
    /// </summary>
    public int K { get; set; } = 20;

    public double LexicalWeight { get; set; } = 1;

    public double SemanticWeight { get; set; } = 1;

    /// <summary>
    /// A query whose nearest paper is less similar than this (cosine) finds nothing by meaning: every query has nearest
    /// neighbours, and without a floor a query of nonsense would list a hundred papers (at 0.15 some nonsense still
    /// did). The floor gates the whole list, not each result, so that real queries keep their full candidate list.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.2;

    /// <summary>
    /// With filters or required clauses, vector search scores exactly the passing papers when there are at most this
    /// many; beyond, it over-fetches and checks each candidate.
    /// </summary>
    public int ScopeLimit { get; set; } = 20_000;
}
