using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using Microsoft.Extensions.Configuration;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench embed</c>: embedding throughput of the app's embedder beside raw ONNX Runtime on the same texts, for the
/// configured settings and any variants of them (<c>--variant MaxTokens=128</c>), side by side in one run.
/// </summary>
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
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each figure is the median of the rounds", DefaultValueFactory = _ => 5 };
        var variants = new Option<string[]>("--variant")
        {
            Description = "Also measure the settings with these Search:Embeddings keys changed, e.g. MaxTokens=128,BatchSize=4 (repeatable); all take turns in each round",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = BenchCommand.JsonOption();
        var model = BenchCommand.ModelOption();
        var command = new Command("embed", "Embedding throughput: our embedder vs raw ONNX Runtime on the same paper texts, for the settings and variants of them.")
        {
            hf, texts, rounds, variants, json, model,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(hf)!, parse.GetValue(texts), parse.GetValue(rounds), parse.GetValue(variants) ?? [], parse.GetValue(json), parse.GetValue(model), parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        string hf, int count, int rounds, string[] variants, bool json, EmbeddingModelKind? model, string? dataOption, CancellationToken cancellationToken)
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

        List<(string Name, EmbeddingOptions Options)> configurations = [("configured", settings.Embedding)];
        foreach (var variant in variants)
        {
            if (Variant(settings.Embedding, variant) is not { } options)
            {
                return BenchInput.Refused;
            }

            configurations.Add((variant, options));
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

        var paperTexts = papers.Select(p => EmbeddingText.ForPaper(p.Title, p.Text)).ToList();
        await Console.Error.WriteLineAsync($"embedding {paperTexts.Count} papers, {configurations.Count} configuration(s) taking turns, {rounds} rounds, model {settings.Embedding.Model} …");
        var results = await EmbeddingBenchmark.RunAsync(paperTexts, [.. configurations.Select(c => c.Options)], rounds, cancellationToken);
        var named = configurations.Select((c, i) => (c.Name, Result: results[i])).ToList();
        if (json)
        {
            Console.Out.WriteLine(Json(named));
        }
        else
        {
            foreach (var (name, result) in named)
            {
                Console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: {result.Model}, {result.Texts} texts ({result.Tokens:N0} tokens, {result.PaddingShare:P1} padding), max {result.MaxTokens} tokens, batch {result.BatchSize}/{result.BatchTokens} tokens, {result.IntraOpThreads} threads, median of {result.Rounds}"));
                Console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  embedder {result.EmbedderTextsPerSecond:0.0} texts/s ({result.EmbedderTextsPerSecond / named[0].Result.EmbedderTextsPerSecond:0.00}× configured) · raw ONNX Runtime {result.RawTextsPerSecond:0.0} texts/s · ratio {result.Ratio:0.000} ({(result.WithinTenPercent ? "within" : "NOT within")} 10%)"));
                Console.Out.WriteLine("  rounds (texts/s): " + string.Join(", ", result.EmbedderRounds.Select(s => (result.Texts / s).ToString("0.0", CultureInfo.InvariantCulture))));
            }
        }

        return 0;
    }

    /// <summary>The settings with the keys of <paramref name="variant"/> (<c>Key=Value,Key=Value</c>) changed and validated, or null after saying why.</summary>
    private static EmbeddingOptions? Variant(EmbeddingOptions configured, string variant)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in variant.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Console.Error.WriteLine($"error: --variant {variant}: expected Key=Value pairs of {EmbeddingOptions.Section}, such as MaxTokens=128,BatchSize=4.");
                return null;
            }

            pairs[part[..equals]] = part[(equals + 1)..];
        }

        var options = new EmbeddingOptions
        {
            Enabled = configured.Enabled,
            Background = configured.Background,
            Since = configured.Since,
            PollInterval = configured.PollInterval,
            Model = configured.Model,
            IntraOpThreads = configured.IntraOpThreads,
            MaxTokens = configured.MaxTokens,
            BatchSize = configured.BatchSize,
            BatchTokens = configured.BatchTokens,
        };
        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(pairs).Build().Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: --variant {variant}: {ex.Message}");
            return null;
        }

        var validation = new EmbeddingOptionsValidator().Validate(null, options);
        foreach (var failure in validation.Failed ? validation.Failures ?? [] : [])
        {
            Console.Error.WriteLine($"error: --variant {variant}: {failure}");
        }

        return validation.Failed ? null : options;
    }

    private static string Json(List<(string Name, EmbeddingBenchmarkResult Result)> named)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("bench", "embed");
            writer.WriteStartArray("configurations");
            foreach (var (name, result) in named)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("model", result.Model.ToString());
                writer.WriteNumber("texts", result.Texts);
                writer.WriteNumber("tokens", result.Tokens);
                writer.WriteNumber("padding", Math.Round(result.PaddingShare, 4));
                writer.WriteNumber("max_tokens", result.MaxTokens);
                writer.WriteNumber("batch_size", result.BatchSize);
                writer.WriteNumber("batch_tokens", result.BatchTokens);
                writer.WriteNumber("threads", result.IntraOpThreads);
                writer.WriteNumber("rounds", result.Rounds);
                writer.WriteNumber("embedder_texts_per_s", Math.Round(result.EmbedderTextsPerSecond, 1));
                writer.WriteNumber("onnxruntime_texts_per_s", Math.Round(result.RawTextsPerSecond, 1));
                writer.WriteNumber("ratio", Math.Round(result.Ratio, 3));
                writer.WriteBoolean("within_10_percent", result.WithinTenPercent);
                writer.WriteNumber("vs_configured", Math.Round(result.EmbedderTextsPerSecond / named[0].Result.EmbedderTextsPerSecond, 3));
                writer.WriteStartArray("round_texts_per_s");
                foreach (var seconds in result.EmbedderRounds)
                {
                    writer.WriteNumberValue(Math.Round(result.Texts / seconds, 1));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
