using System.Globalization;
using System.Text;
using System.Text.Json;
using DailyPapers.Infrastructure.Search.Benchmarks;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>bench retrieval</c>'s report: a table for people, or JSON (one object per mode under <c>modes</c>).</summary>
internal static class BenchRetrievalOutput
{
    public static string Json(RetrievalReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bench", "retrieval");
            json.WriteString("dataset", report.Dataset);
            json.WriteString("split", report.Split);
            json.WriteString("measure", report.Measure == RetrievalMeasure.Beir ? "beir" : "known-item");
            json.WriteNumber("documents", report.Documents);
            json.WriteString("model", report.Model.ToString());
            json.WriteString("vectors", report.Vectors);
            json.WriteStartObject("settings");
            json.WriteNumber("title_boost", report.Lexical.TitleBoost);
            json.WriteNumber("k1", report.Lexical.K1);
            json.WriteNumber("b", report.Lexical.B);
            json.WriteNumber("candidates", report.Hybrid.Candidates);
            json.WriteNumber("rrf_k", report.Hybrid.K);
            json.WriteNumber("lexical_weight", report.Hybrid.LexicalWeight);
            json.WriteNumber("semantic_weight", report.Hybrid.SemanticWeight);
            json.WriteEndObject();
            json.WriteStartArray("modes");
            foreach (var mode in report.Modes)
            {
                json.WriteStartObject();
                json.WriteString("mode", mode.Name);
                foreach (var metric in mode.Metrics)
                {
                    json.WriteNumber(metric.Name, Math.Round(metric.Value, 4));
                }

                json.WriteNumber("queries", mode.Queries);
                json.WriteNumber("seconds", Math.Round(mode.Seconds, 2));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(IAnsiConsole console, RetrievalReport report)
    {
        var metrics = report.Modes.Count == 0 ? [] : report.Modes[0].Metrics.Select(m => m.Name).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("mode");
        foreach (var name in metrics)
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        table.AddColumn(new TableColumn("queries").RightAligned()).AddColumn(new TableColumn("time").RightAligned());
        foreach (var mode in report.Modes)
        {
            table.AddRow([
                mode.Name,
                .. mode.Metrics.Select(m => m.Value.ToString("0.000", CultureInfo.InvariantCulture)),
                mode.Queries.ToString("N0", CultureInfo.InvariantCulture),
                mode.Seconds.ToString("0.0 s", CultureInfo.InvariantCulture),
            ]);
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Dataset} ({report.Split}): {report.Documents:N0} documents · model {report.Model} · vectors: {VectorsLabel(report.Vectors)}"));
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Search:Lexical TitleBoost {report.Lexical.TitleBoost}, K1 {report.Lexical.K1}, B {report.Lexical.B} · Search:Hybrid Candidates {report.Hybrid.Candidates}, K {report.Hybrid.K}, LexicalWeight {report.Hybrid.LexicalWeight}, SemanticWeight {report.Hybrid.SemanticWeight}"));
        console.Write(table);
    }

    private static string VectorsLabel(string vectors) => vectors switch
    {
        "cache" => "from the bench cache",
        "embedded" => "embedded now (cached for next time)",
        _ => "not needed",
    };
}
