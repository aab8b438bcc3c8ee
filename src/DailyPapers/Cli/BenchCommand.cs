using System.CommandLine;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers bench retrieval|search|embed|votes|cursor|recommend|for-you|corpus|ann</c>: search quality on BEIR folders and
/// Hugging Face papers, search latency and memory over the arXiv corpus beside SQLite FTS5, embedding throughput beside
/// raw ONNX Runtime; against a running server, concurrent votes and the walk of every paper through the cursor of
/// /api/papers; the offline quality of the "for you" reader models on the Hugging Face days, and the speed of a reader's
/// page; a generated corpus of up to all of arXiv, and the vector index of a store (build, size, recall).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Where the shared data sits when the verb runs from the repo root.</summary>
    public const string SharedData = "../shared/data";

    public static Command Build()
    {
        var bench = new Command("bench", "Measure search: quality (retrieval), latency and memory (search), embedding throughput (embed); concurrent votes (votes) and walking /api/papers (cursor) against a running server; reader recommendations offline (recommend) and the \"for you\" page's speed (for-you); generate a corpus of any size (corpus); a store's vector index (ann).");
        bench.Subcommands.Add(BuildRetrieval());
        bench.Subcommands.Add(BenchSearchCommand.Build());
        bench.Subcommands.Add(BenchEmbedCommand.Build());
        bench.Subcommands.Add(BenchVotesCommand.Build());
        bench.Subcommands.Add(BenchCursorCommand.Build());
        bench.Subcommands.Add(BenchRecommendCommand.Build());
        bench.Subcommands.Add(BenchForYouCommand.Build());
        bench.Subcommands.Add(BenchCorpusCommand.Build());
        bench.Subcommands.Add(BenchAnnCommand.Build());
        return bench;
    }

    /// <summary>The options every bench verb shares: --json and --model.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the results as JSON on stdout (progress stays on stderr)" };

    public static Option<EmbeddingModelKind?> ModelOption() => new("--model") { Description = "Embedding model (MiniLm or ArcticXs); default Search:Embeddings:Model" };

    /// <summary>Loads the settings, printing the configuration errors when they are invalid.</summary>
    public static BenchSettings? Settings(string? dataOption, EmbeddingModelKind? model)
    {
        var (settings, errors) = BenchSettings.Load(dataOption, model);
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        return settings;
    }

    private static Command BuildRetrieval()
    {
        var beir = new Option<string?>("--beir") { Description = "A BEIR folder: corpus.jsonl, queries.jsonl, qrels/{split}.tsv" };
        var hf = new Option<string?>("--hf")
        {
            Description = $"Known-item search on Hugging Face daily-papers files (each paper's ai_summary finds it); default folder {SharedData}/hf-daily-papers",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var split = new Option<string>("--split") { Description = "The qrels split to evaluate (BEIR)", DefaultValueFactory = _ => "test" };
        var mode = new Option<string>("--mode") { Description = "lexical, semantic, hybrid or all", DefaultValueFactory = _ => "all" };
        mode.AcceptOnlyFromAmong("lexical", "semantic", "hybrid", "all");
        var limit = new Option<int>("--limit")
        {
            Description = "Known-item: papers to sample (fixed seed); 0 for all 9.9k (about 7 min of embedding on 2 cores the first time)",
            DefaultValueFactory = _ => 2000,
        };
        var json = JsonOption();
        var model = ModelOption();

        var command = new Command("retrieval", "Search quality: nDCG@10 and Recall@100 on a BEIR folder, or MRR@10 and Recall@10 for known papers (--hf).")
        {
            beir, hf, split, mode, limit, json, model,
        };
        command.SetAction((parse, ct) =>
        {
            var hfFolder = parse.GetResult(hf) is null ? null : parse.GetValue(hf) ?? Path.Combine(SharedData, "hf-daily-papers");
            return Task.Run(
                () => RunRetrieval(parse.GetValue(beir), hfFolder, parse.GetValue(split)!, parse.GetValue(mode)!, parse.GetValue(limit), parse.GetValue(json), parse.GetValue(model), parse.GetValue(CommandLine.Data), ct),
                ct);
        });
        return command;
    }

    private static int RunRetrieval(
        string? beir, string? hf, string split, string mode, int limit, bool json, EmbeddingModelKind? model, string? dataOption, CancellationToken cancellationToken)
    {
        if ((beir is null) == (hf is null))
        {
            Console.Error.WriteLine("error: give either --beir DIR or --hf [DIR].");
            return BenchInput.Refused;
        }

        var found = beir is not null ? BenchInput.IsBeirFolder(beir, split) : BenchInput.HasFiles(hf!, "*.json", "--hf DIR");
        if (!found || Settings(dataOption, model) is not { } settings)
        {
            return BenchInput.Refused;
        }

        var progress = BenchProgressReporter.ForStandardError();
        RetrievalTask task;
        try
        {
            if (beir is not null)
            {
                task = RetrievalTask.From(BeirDataset.Load(beir, split));
            }
            else
            {
                task = HfKnownItems.Load(hf!, limit, seed: 42, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // The files are there (checked above) but unreadable or not in the expected format.
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        progress.Note($"{task.Name} ({task.Split}): {task.Corpus.Count:N0} documents, {task.Queries.Count:N0} queries");
        SearchMode[] modes = mode switch
        {
            "lexical" => [SearchMode.Lexical],
            "semantic" => [SearchMode.Semantic],
            "hybrid" => [SearchMode.Hybrid],
            _ => [SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid],
        };
        var report = RetrievalBench.Run(task, modes, settings.Lexical, settings.Embedding, settings.Hybrid, settings.CacheDirectory, progress, cancellationToken);
        if (report.Vectors == "cache")
        {
            progress.Note($"document vectors: from the bench cache in {settings.CacheDirectory}");
        }

        if (json)
        {
            Console.Out.WriteLine(BenchRetrievalOutput.Json(report));
        }
        else
        {
            BenchRetrievalOutput.Write(AnsiConsole.Console, report);
        }

        return 0;
    }
}
