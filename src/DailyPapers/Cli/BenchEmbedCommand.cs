using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Cli;

/// <summary><c>bench embed</c>: embedding throughput of the app's embedder beside raw ONNX Runtime on the same texts (target: within 10%).</summary>
internal static class BenchEmbedCommand
{
    public static Command Build()
    {
        var hf = new Option<string>("--hf")
        {
            Description = "Hugging Face daily-papers files whose papers (title and abstract) are embedded",
            DefaultValueFactory = _ => Path.Combine(BenchCommand.SharedData, "hf-daily-papers"),
        };
        var texts = new Option<int>("--texts") { Description = "Papers to embed (fixed-seed sample)", DefaultValueFactory = _ => 200 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each batch counts its fastest", DefaultValueFactory = _ => 3 };
        var json = BenchCommand.JsonOption();
        var model = BenchCommand.ModelOption();
        var command = new Command("embed", "Embedding throughput: our embedder vs raw ONNX Runtime on the same paper texts.") { hf, texts, rounds, json, model };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(hf)!, parse.GetValue(texts), parse.GetValue(rounds), parse.GetValue(json), parse.GetValue(model), parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(string hf, int count, int rounds, bool json, EmbeddingModelKind? model, string? dataOption, CancellationToken cancellationToken)
    {
        if (count < 1 || rounds < 1)
        {
            await Console.Error.WriteLineAsync("error: --texts and --rounds must be at least 1.");
            return BenchInput.Refused;
        }

        if (!BenchInput.HasFiles(hf, "*.json", "--hf DIR") || BenchCommand.Settings(dataOption, model) is not { } settings)
        {
            return BenchInput.Refused;
        }

        IReadOnlyList<BenchDocument> papers;
        try
        {
            papers = HfKnownItems.Load(hf, count, seed: 7, cancellationToken).Corpus;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // The files are there (checked above) but unreadable or not Hugging Face days.
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }

        var texts = papers.Select(p => EmbeddingText.ForPaper(p.Title, p.Text)).ToList();
        await Console.Error.WriteLineAsync($"embedding {texts.Count} papers, {rounds} rounds, model {settings.Embedding.Model} …");
        var result = await EmbeddingBenchmark.RunAsync(texts, settings.Embedding, rounds, cancellationToken);
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("bench", "embed");
                writer.WriteString("model", result.Model.ToString());
                writer.WriteNumber("texts", result.Texts);
                writer.WriteNumber("tokens", result.Tokens);
                writer.WriteNumber("batch_size", result.BatchSize);
                writer.WriteNumber("batch_tokens", result.BatchTokens);
                writer.WriteNumber("threads", result.IntraOpThreads);
                writer.WriteStartArray("modes");
                writer.WriteStartObject();
                writer.WriteString("mode", "embedder");
                writer.WriteNumber("texts_per_s", Math.Round(result.EmbedderTextsPerSecond, 1));
                writer.WriteEndObject();
                writer.WriteStartObject();
                writer.WriteString("mode", "onnxruntime");
                writer.WriteNumber("texts_per_s", Math.Round(result.RawTextsPerSecond, 1));
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteNumber("ratio", Math.Round(result.Ratio, 3));
                writer.WriteBoolean("within_10_percent", result.WithinTenPercent);
                writer.WriteEndObject();
            }

            Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Model}: {result.Texts} texts ({result.Tokens:N0} tokens), batch {result.BatchSize}/{result.BatchTokens} tokens, {result.IntraOpThreads} threads, best of {result.Rounds}"));
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"embedder {result.EmbedderTextsPerSecond:0.0} texts/s · raw ONNX Runtime {result.RawTextsPerSecond:0.0} texts/s · ratio {result.Ratio:0.000} ({(result.WithinTenPercent ? "within" : "NOT within")} 10%)"));
        }

        return 0;
    }
}
