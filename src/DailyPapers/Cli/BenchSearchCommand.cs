using System.CommandLine;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Options;
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
        var store = new Option<bool>("--store")
        {
            Description = "Measure the store in --data as the site serves it (its own search index and vector graph, caught up first), with queries made from its papers; no FTS5 peer",
        };
        var json = BenchCommand.JsonOption();
        var model = BenchCommand.ModelOption();
        var command = new Command("search", "Search latency and memory over the arXiv corpus, with SQLite FTS5 as the lexical peer.")
        {
            papers, queries, warmUp, store, json, model,
        };
        command.SetAction((parse, ct) => parse.GetValue(store)
            ? RunOnStoreAsync(parse.GetValue(queries), parse.GetValue(warmUp), parse.GetValue(json), parse.GetValue(CommandLine.Data), ct)
            : Task.Run(
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
        if (!CountsAreValid(queries, warmUp))
        {
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
        return Report(report, json, progress);
    }

    /// <summary>
    /// <c>--store</c>: the site's own search services over the store in --data (settings as the site reads them), so a
    /// generated store of millions of papers is measured without indexing it again.
    /// </summary>
    private static async Task<int> RunOnStoreAsync(int queries, int warmUp, bool json, string? dataOption, CancellationToken cancellationToken)
    {
        if (!CountsAreValid(queries, warmUp))
        {
            return BenchInput.Refused;
        }

        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        var progress = BenchProgressReporter.ForStandardError();
        progress.Note($"store: {services.GetRequiredService<StoreContextFactory>().DataDirectory}");
        var bench = new StoreSearchLatencyBench(
            services.GetRequiredService<StoreContextFactory>(),
            services.GetRequiredService<LexicalIndexer>(),
            services.GetRequiredService<LexicalIndex>(),
            services.GetRequiredService<PaperSearch>(),
            services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Model,
            services.GetService<VectorIndexFollower>(),
            services.GetService<VectorIndex>());
        var report = await bench.RunAsync(queries, warmUp, progress, cancellationToken);
        return Report(report, json, progress);
    }

    private static bool CountsAreValid(int queries, int warmUp)
    {
        if (queries < 1 || warmUp < 0)
        {
            Console.Error.WriteLine("error: --queries must be at least 1 and --warm-up at least 0.");
            return false;
        }

        return true;
    }

    private static int Report(SearchLatencyReport report, bool json, BenchProgressReporter progress)
    {
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
