using System.Globalization;
using System.Text;
using System.Text.Json;
using DailyPapers.Infrastructure.Search.Benchmarks;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>bench search</c>'s report: a table with the issue's targets, or JSON (one object per mode under <c>modes</c>).</summary>
internal static class BenchSearchOutput
{
    public static string VectorsLabel(string vectors) => vectors switch
    {
        "random" => "random unit vectors (latency only)",
        "store" => "the store's own, in its vector graph",
        "none" => "none in the store (or embeddings off): semantic and hybrid search fall back to words",
        _ => "real embeddings of the whole corpus, from the bench cache",
    };

    /// <summary>Measured on a store (<c>--store</c>) rather than a Kaggle file indexed for the run: the scale targets apply.</summary>
    private static bool OnStore(SearchLatencyReport report) => report.Vectors is "store" or "none";

    public static string Json(SearchLatencyReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bench", "search");
            json.WriteNumber("papers", report.Papers);
            json.WriteString("model", report.Model.ToString());
            json.WriteString("vectors", report.Vectors);
            json.WriteString("vectors_note", VectorsLabel(report.Vectors));
            json.WriteNumber("warm_up", report.WarmUpQueries);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteStartArray("modes");
            foreach (var mode in report.Modes)
            {
                json.WriteStartObject();
                json.WriteString("mode", mode.Mode);
                json.WriteNumber("p50", Math.Round(mode.P50, 3));
                json.WriteNumber("p90", Math.Round(mode.P90, 3));
                json.WriteNumber("p99", Math.Round(mode.P99, 3));
                json.WriteNumber("mean", Math.Round(mode.Mean, 3));
                json.WriteNumber("max", Math.Round(mode.Max, 3));
                json.WriteNumber("queries", mode.Queries);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("fts5_skipped", report.Fts5Skipped);
            json.WriteNumber("rss_mb", Math.Round(report.RssMb));
            json.WriteNumber("peak_rss_mb", Math.Round(report.PeakRssMb));
            json.WriteStartObject("index_mb");
            json.WriteNumber("lucene", Megabytes(report.LexicalIndexBytes));
            json.WriteNumber("fts5_sqlite", Megabytes(report.Fts5Bytes));
            json.WriteNumber("vectors_in_memory", Megabytes(report.VectorBytes));
            json.WriteEndObject();
            json.WriteNumber("index_seconds", Math.Round(report.IndexSeconds, 1));
            json.WriteStartArray("sample_queries");
            foreach (var query in report.SampleQueries)
            {
                json.WriteStringValue(query);
            }

            json.WriteEndArray();
            json.WriteStartArray("slowest");
            foreach (var query in report.SlowestQueries)
            {
                json.WriteStringValue(query);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(IAnsiConsole console, SearchLatencyReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("mode");
        foreach (var heading in new[] { "p50 ms", "p90 ms", "p99 ms", "mean ms", "queries", "target" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        var byMode = report.Modes.ToDictionary(m => m.Mode, StringComparer.Ordinal);
        foreach (var mode in report.Modes)
        {
            table.AddRow(
                mode.Mode,
                Ms(mode.P50),
                Ms(mode.P90),
                Ms(mode.P99),
                Ms(mode.Mean),
                mode.Queries.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(Target(mode, byMode, OnStore(report))));
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Papers:N0} papers · {Environment.ProcessorCount} cores · model {report.Model} · vectors: {VectorsLabel(report.Vectors)} · {(OnStore(report) ? "caught up" : "indexed")} in {report.IndexSeconds:0.0} s"));
        console.Write(table);
        var memoryTarget = OnStore(report) ? 4096 : 600;
        console.WriteLine(OnStore(report)
            ? "targets at 2.7M papers (2 cores): lexical p50 ≤ 10 ms; hybrid p50 ≤ 50 ms, p99 ≤ 150 ms"
            : "targets (2 cores): lexical p50 ≤ 3 ms and ≤ FTS5; hybrid p50 ≤ 25 ms, p99 ≤ 60 ms; similar p50 ≤ 10 ms");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"memory: {report.RssMb:N0} MB resident after the searches (target ≤ {memoryTarget:N0}: {(report.RssMb <= memoryTarget ? "met" : "NOT met")}), peak {report.PeakRssMb:N0} MB including {(OnStore(report) ? "catching up" : "indexing")}"));
        console.WriteLine(OnStore(report)
            ? string.Create(CultureInfo.InvariantCulture, $"sizes: Lucene index {Megabytes(report.LexicalIndexBytes)} MB on disk · vector graph {Megabytes(report.VectorBytes)} MB in memory")
            : string.Create(CultureInfo.InvariantCulture, $"sizes: Lucene index {Megabytes(report.LexicalIndexBytes)} MB on disk · FTS5 {Megabytes(report.Fts5Bytes)} MB · vectors {Megabytes(report.VectorBytes)} MB in memory"));
        console.WriteLine("sample queries: " + string.Join(" | ", report.SampleQueries.Take(8)));
        console.WriteLine("slowest: " + string.Join(" | ", report.SlowestQueries.Take(8)));
    }

    private static string Target(LatencyResult mode, Dictionary<string, LatencyResult> byMode, bool onStore) => onStore
        ? mode.Mode switch
        {
            "lexical" => Verdict(mode.P50 <= 10),
            "hybrid" => Verdict(mode.P50 <= 50 && mode.P99 <= 150),
            _ => "",
        }
        : mode.Mode switch
        {
            "lexical" => Verdict(mode.P50 <= 3 && byMode.TryGetValue("fts5", out var fts) && mode.P50 <= fts.P50),
            "hybrid" => Verdict(mode.P50 <= 25 && mode.P99 <= 60),
            "similar" => Verdict(mode.P50 <= 10),
            _ => "",
        };

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);
}
