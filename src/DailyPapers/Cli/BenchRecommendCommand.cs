using System.CommandLine;
using DailyPapers.Infrastructure.Recommendations.Benchmarks;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench recommend</c>: the offline evaluation of issue 12 on the Hugging Face days. Each submitter with enough
/// submissions is a reader; each week they submitted in, every method ranks that week's papers from what was listed
/// before, and their submissions are what it should put first.
/// </summary>
internal static class BenchRecommendCommand
{
    public static Command Build()
    {
        var hf = new Option<string>("--hf")
        {
            Description = "Hugging Face daily-papers files, one per day",
            DefaultValueFactory = _ => Path.Combine(BenchCommand.SharedData, "hf-daily-papers"),
        };
        var minSubmissions = new Option<int>("--min-submissions") { Description = "Submissions that make a submitter a reader", DefaultValueFactory = _ => 5 };
        var since = new Option<DateOnly?>("--since") { Description = "Evaluate only the weeks from this day's week on (earlier ones are still learnt from)" };
        var until = new Option<DateOnly?>("--until") { Description = "Leave out the papers listed after this day" };
        var noTune = new Option<bool>("--no-tune") { Description = "Skip the grid and blend tuning: baselines, the peer and the chosen settings only" };
        var json = BenchCommand.JsonOption();
        var writeFixture = new Option<string?>("--write-fixture")
        {
            Description = "Cut the test fixture (tests/fixtures/recommend) into this folder instead of measuring",
            Hidden = true,
        };
        var fixtureWeeks = new Option<int>("--fixture-weeks") { DefaultValueFactory = _ => 1, Hidden = true };
        var command = new Command("recommend", "Recommendation quality (Recall@10, nDCG@10, MRR) of the reader models and their peers, offline on the Hugging Face days.")
        {
            hf, minSubmissions, since, until, noTune, json, writeFixture, fixtureWeeks,
        };
        command.SetAction((parse, ct) => Task.Run(
            () => Run(
                new Request(
                    parse.GetValue(hf)!,
                    parse.GetValue(minSubmissions),
                    parse.GetValue(since),
                    parse.GetValue(until),
                    !parse.GetValue(noTune),
                    parse.GetValue(json),
                    parse.GetValue(writeFixture),
                    parse.GetValue(fixtureWeeks)),
                parse.GetValue(CommandLine.Data),
                ct),
            ct));
        return command;
    }

    private static int Run(Request request, string? dataOption, CancellationToken cancellationToken)
    {
        if (request.MinSubmissions < 2)
        {
            Console.Error.WriteLine("error: --min-submissions must be at least 2 (one to learn from, one to find).");
            return BenchInput.Refused;
        }

        if (request.FixtureFolder is not null && request.Since is null)
        {
            Console.Error.WriteLine("error: --write-fixture needs --since (the first week the fixture evaluates).");
            return BenchInput.Refused;
        }

        if (!BenchInput.HasFiles(request.Hf, "*.json", "--hf DIR") || BenchCommand.Settings(dataOption, null) is not { } settings)
        {
            return BenchInput.Refused;
        }

        var progress = BenchProgressReporter.ForStandardError();
        IReadOnlyList<ListedPaper> papers;
        try
        {
            papers = HfListedPapers.Load(request.Hf, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // The files are there (checked above) but unreadable.
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var vectors = Embed(papers, settings, progress, cancellationToken);
        if (request.FixtureFolder is { } folder)
        {
            var kept = RecommendFixture.Write(folder, papers, vectors, request.Since!.Value, request.FixtureWeeks, request.MinSubmissions, 10, 150, seed: 7);
            progress.Note($"fixture: {kept.Count} papers on {kept.Select(p => p.Day).Distinct().Count()} days written to {folder}");
            return 0;
        }

        var inRange = request.Until is { } last ? papers.Where(p => p.Day <= last).ToList() : papers;
        var task = RecommendationTask.Build(inRange, request.MinSubmissions, request.Since);
        if (task.ReaderWeeks.Count == 0)
        {
            Console.Error.WriteLine($"error: {Path.GetFullPath(request.Hf)}: no submitter with {request.MinSubmissions} submissions submitted again in a later week; nothing to evaluate.");
            return BenchInput.Refused;
        }

        progress.Note($"{inRange.Count:N0} papers, {task.Readers:N0} readers, {task.ReaderWeeks.Count:N0} reader-weeks; held out from {task.HeldOutFrom:yyyy-MM-dd}");
        var report = RecommendationBench.Run(task, vectors, new RecommendationBenchOptions { Tune = request.Tune }, progress, cancellationToken);
        if (request.Json)
        {
            Console.Out.WriteLine(BenchRecommendOutput.Json(report, settings.Embedding.Model));
        }
        else
        {
            BenchRecommendOutput.Write(AnsiConsole.Console, report, settings.Embedding.Model);
        }

        return 0;
    }

    /// <summary>Every paper's vector from the bench cache, embedding them (and filling the cache) when it has none.</summary>
    private static Dictionary<string, float[]> Embed(IReadOnlyList<ListedPaper> papers, BenchSettings settings, BenchProgressReporter progress, CancellationToken cancellationToken)
    {
        // The same documents, in the same order, as `bench retrieval --hf --limit 0`: the two share one cache file.
        var documents = papers.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new BenchDocument(p.Id, p.Title, p.Abstract)).ToList();
        using var embedder = new TextEmbedder(settings.Embedding);
        var (index, fromCache) = BenchVectors.Embed(documents, embedder, settings.CacheDirectory, progress, cancellationToken);
        progress.Note(fromCache ? $"paper vectors ({embedder.Model}): from the bench cache in {settings.CacheDirectory}" : $"paper vectors ({embedder.Model}): embedded now, cached for next time");
        using (index)
        {
            return documents.ToDictionary(d => d.Id, d => index.Find(d.Id)!, StringComparer.Ordinal);
        }
    }

    private sealed record Request(
        string Hf, int MinSubmissions, DateOnly? Since, DateOnly? Until, bool Tune, bool Json, string? FixtureFolder, int FixtureWeeks);
}
