using System.Globalization;
using System.Text;
using System.Text.Json;
using DailyPapers.Infrastructure.Recommendations.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>bench recommend</c>'s report: a table for people, or JSON (one object per method under <c>methods</c>).</summary>
internal static class BenchRecommendOutput
{
    public static string Json(RecommendationReport report, EmbeddingModelKind model)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bench", "recommend");
            json.WriteString("model", model.ToString());
            json.WriteNumber("papers", report.Papers);
            json.WriteNumber("readers", report.Readers);
            json.WriteNumber("reader_weeks", report.ReaderWeeks);
            json.WriteNumber("min_submissions", report.MinSubmissions);
            json.WriteString("first_week", Day(report.FirstWeek));
            json.WriteString("last_week", Day(report.LastWeek));
            json.WriteString("held_out_from", Day(report.HeldOutFrom));
            json.WriteNumber("tfidf_features", report.TfidfFeatures);
            json.WriteStartObject("peer_iterations");
            json.WriteNumber("median", report.PeerIterations.Median);
            json.WriteNumber("most", report.PeerIterations.Most);
            json.WriteNumber("at_max_iter", report.PeerIterations.AtLimit);
            json.WriteEndObject();
            json.WriteString("selected", report.Selected);
            json.WriteString("selection", report.SelectionNote);
            WriteMethods(json, "methods", report.Methods);
            WriteMethods(json, "grid", report.Grid);
            json.WriteStartArray("training_at_scale");
            foreach (var timing in report.Timings)
            {
                json.WriteStartObject();
                json.WriteString("method", timing.Name);
                json.WriteString("settings", timing.Settings);
                json.WriteNumber("positives", timing.Positives);
                json.WriteNumber("negatives", timing.Negatives);
                WriteTime(json, timing.Time);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(IAnsiConsole console, RecommendationReport report, EmbeddingModelKind model)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("method").AddColumn("kind");
        foreach (var header in new[] { "nDCG@10", "R@10", "MRR", "all nDCG", "all R", "all MRR", "tune nDCG", "train ms" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var method in report.Methods)
        {
            table.AddRow(
                method.Name,
                method.Kind,
                F(method.HeldOut.Ndcg10),
                F(method.HeldOut.Recall10),
                F(method.HeldOut.Mrr),
                F(method.All.Ndcg10),
                F(method.All.Recall10),
                F(method.All.Mrr),
                F(method.Tuning.Ndcg10),
                method.Training is { } t ? Invariant($"{t.MedianMs:0.0}/{t.P99Ms:0.0}") : "");
        }

        console.WriteLine(Invariant(
            $"{report.Papers:N0} papers · {report.Readers:N0} readers (≥ {report.MinSubmissions} submissions) · {report.ReaderWeeks:N0} reader-weeks, weeks {Day(report.FirstWeek)} to {Day(report.LastWeek)} · model {model}"));
        var held = report.Methods.Count == 0 ? null : report.Methods[0];
        console.WriteLine(Invariant(
            $"tuning half: weeks before {Day(report.HeldOutFrom)} ({held?.Tuning.ReaderWeeks ?? 0:N0} reader-weeks, {held?.Tuning.Readers ?? 0:N0} readers); held-out half: from then on ({held?.HeldOut.ReaderWeeks ?? 0:N0} reader-weeks, {held?.HeldOut.Readers ?? 0:N0} readers). First three metric columns: held-out half; then all reader-weeks; then nDCG@10 on the tuning half; training ms p50/p99."));
        console.Write(table);
        foreach (var method in report.Methods)
        {
            console.WriteLine($"{method.Name}: {method.Settings}");
        }

        console.WriteLine(Invariant(
            $"peer SVM passes: median {report.PeerIterations.Median}, most {report.PeerIterations.Most}, {report.PeerIterations.AtLimit} stopped at max_iter; {report.TfidfFeatures:N0} TF-IDF features"));
        if (report.Selected is { } selected)
        {
            console.WriteLine($"selected on the tuning half: {selected} ({report.SelectionNote})");
        }

        foreach (var timing in report.Timings)
        {
            console.WriteLine(Invariant(
                $"training {timing.Name} at {timing.Positives} positives + {timing.Negatives} negatives: median {timing.Time.MedianMs:0.00} ms, p99 {timing.Time.P99Ms:0.00} ms ({timing.Time.Models} runs, one core)"));
        }
    }

    private static void WriteMethods(Utf8JsonWriter json, string name, IReadOnlyList<MethodResult> methods)
    {
        json.WriteStartArray(name);
        foreach (var method in methods)
        {
            json.WriteStartObject();
            json.WriteString("method", method.Name);
            json.WriteString("kind", method.Kind);
            json.WriteString("settings", method.Settings);
            WriteMetrics(json, "held_out", method.HeldOut);
            WriteMetrics(json, "tuning", method.Tuning);
            WriteMetrics(json, "all", method.All);
            if (method.Training is { } training)
            {
                json.WriteStartObject("training");
                WriteTime(json, training);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteMetrics(Utf8JsonWriter json, string name, MetricSet metrics)
    {
        json.WriteStartObject(name);
        json.WriteNumber("recall@10", Math.Round(metrics.Recall10, 4));
        json.WriteNumber("ndcg@10", Math.Round(metrics.Ndcg10, 4));
        json.WriteNumber("mrr", Math.Round(metrics.Mrr, 4));
        json.WriteNumber("reader_weeks", metrics.ReaderWeeks);
        json.WriteNumber("readers", metrics.Readers);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, TrainingTime time)
    {
        json.WriteNumber("median_ms", Math.Round(time.MedianMs, 3));
        json.WriteNumber("p99_ms", Math.Round(time.P99Ms, 3));
        json.WriteNumber("models", time.Models);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
