using System.CommandLine;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench search</c>: latency (p50/p99) of lexical, semantic, hybrid and similar-papers search over the arXiv
/// corpus, SQLite FTS5 on the same queries as the peer, and resident memory.
/// </summary>
internal static class BenchSearchCommand
{
    public static Command Build()
    {
        var papers = new Option<string?>("--papers")
        {
            Description = $"Kaggle-format arXiv file (.jsonl or .jsonl.gz); default {BenchCommand.SharedData}/arxiv-cs/*.kaggle.jsonl.gz",
        };
        var queries = new Option<int>("--queries") { Description = "Queries measured per mode", DefaultValueFactory = _ => 1000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Queries run first and not measured", DefaultValueFactory = _ => 200 };
        var json = BenchCommand.JsonOption();
        var model = BenchCommand.ModelOption();
        var command = new Command("search", "Search latency and memory over the arXiv corpus, with SQLite FTS5 as the lexical peer.")
        {
            papers, queries, warmUp, json, model,
        };
        command.SetAction((parse, ct) => Task.Run(
            () => Run(parse.GetValue(papers), parse.GetValue(queries), parse.GetValue(warmUp), parse.GetValue(json), parse.GetValue(model), parse.GetValue(CommandLine.Data), ct),
            ct));
        return command;
    }

    /// <summary>The file given, else the one Kaggle file in the shared arxiv-cs folder; null (with the reason on stderr) if none.</summary>
    internal static string? FindPapers(string? given)
    {
        const string option = "--papers FILE";
        if (given is not null)
        {
            return BenchInput.IsFile(given, option) ? given : null;
        }

        var folder = Path.Combine(BenchCommand.SharedData, "arxiv-cs");
        if (!BenchInput.HasFiles(folder, "*.kaggle.jsonl.gz", option))
        {
            return null;
        }

        var found = Directory.GetFiles(folder, "*.kaggle.jsonl.gz");
        if (found.Length == 1)
        {
            return found[0];
        }

        BenchInput.ReportUnusable(folder, $"{found.Length} *.kaggle.jsonl.gz files in this folder, not one", option);
        return null;
    }

    private static int Run(string? papersOption, int queries, int warmUp, bool json, EmbeddingModelKind? model, string? dataOption, CancellationToken cancellationToken)
    {
        if (queries < 1 || warmUp < 0)
        {
            Console.Error.WriteLine("error: --queries must be at least 1 and --warm-up at least 0.");
            return BenchInput.Refused;
        }

        if (FindPapers(papersOption) is not { } file || BenchCommand.Settings(dataOption, model) is not { } settings)
        {
            return BenchInput.Refused;
        }

        var progress = BenchProgressReporter.ForStandardError();
        progress.Note($"papers: {file}");
        var report = SearchLatencyBench.Run(
            file, queries, warmUp, settings.Lexical, settings.Embedding, settings.Hybrid, settings.CacheDirectory, progress, cancellationToken);
        progress.Note($"vectors: {BenchSearchOutput.VectorsLabel(report.Vectors)}");
        if (json)
        {
            Console.Out.WriteLine(BenchSearchOutput.Json(report));
        }
        else
        {
            BenchSearchOutput.Write(AnsiConsole.Console, report);
        }

        return 0;
    }
}
