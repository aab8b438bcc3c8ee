namespace DailyPapers.Infrastructure.Search.Vectors.Ann;

/// <summary>How the graph is built and searched; saved with it, since a graph is only valid under its own settings.</summary>
/// <param name="Quantization">"i8" or "f16": how each vector is stored.</param>
/// <param name="Connectivity">Neighbours per node (HNSW's M).</param>
/// <param name="ExpansionAdd">The beam while adding (efConstruction).</param>
/// <param name="ExpansionSearch">The least beam while searching (efSearch); asking for more results widens it.</param>
public sealed record HnswSettings(string Quantization, int Connectivity, int ExpansionAdd, int ExpansionSearch)
{
    internal UsearchNative.InitOptions ToOptions(int dimensions) => new()
    {
        MetricKind = UsearchNative.MetricCos,
        Quantization = Quantization switch
        {
            "i8" => UsearchNative.ScalarI8,
            "f16" => UsearchNative.ScalarF16,
            "f32" => UsearchNative.ScalarF32,
            _ => throw new ArgumentException($"Unknown quantization \"{Quantization}\" (i8, f16 or f32)."),
        },
        Dimensions = (nuint)dimensions,
        Connectivity = (nuint)Connectivity,
        ExpansionAdd = (nuint)ExpansionAdd,
        ExpansionSearch = (nuint)ExpansionSearch,
    };
}
