using DailyPapers.Infrastructure.Search.Vectors.Ann;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// The <c>Search:Vectors</c> configuration section: the approximate nearest-neighbour graph each node keeps in memory
/// and on disk (<c>{data}/index/vectors</c>). Initial values repeat appsettings.json; docs/benchmarks.md has the
/// measurements behind them.
/// </summary>
public sealed class VectorIndexOptions
{
    public const string Section = "Search:Vectors";

    /// <summary>int8 vectors in the graph: a quarter of float32's memory; the exact rescoring undoes their error.</summary>
    public static HnswSettings DefaultSettings { get; } = new("i8", Connectivity: 16, ExpansionAdd: 128, ExpansionSearch: 64);

    /// <summary>How each vector is held in the graph: <c>i8</c> (default) or <c>f16</c> (twice the memory, rescoring barely needed).</summary>
    public string Quantization { get; set; } = DefaultSettings.Quantization;

    /// <summary>Neighbours per node (HNSW's M): more costs memory and build time for recall.</summary>
    public int Connectivity { get; set; } = DefaultSettings.Connectivity;

    /// <summary>The beam while building (efConstruction).</summary>
    public int ExpansionAdd { get; set; } = DefaultSettings.ExpansionAdd;

    /// <summary>The least beam while searching (efSearch); a search for more candidates than this widens it to their number.</summary>
    public int ExpansionSearch { get; set; } = DefaultSettings.ExpansionSearch;

    /// <summary>
    /// Reorder the graph's candidates by the exact stored vectors: int8 alone puts the true 10 nearest in its first 10
    /// about 90% of the time; rescoring 100 candidates, all of them (docs/benchmarks.md).
    /// </summary>
    public bool Rescore { get; set; } = true;

    /// <summary>While loading many vectors (the first start, a rebuild), save the graph this often: a kill loses at most this much work.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After catching up, save the graph when it has changed and the last save is this old, so a restart starts near the store.</summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMinutes(10);

    public HnswSettings Settings => new(Quantization, Connectivity, ExpansionAdd, ExpansionSearch);
}
