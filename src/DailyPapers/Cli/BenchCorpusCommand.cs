using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Benchmarks.Scale;
using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench corpus --papers N --out FILE</c>: a Kaggle-layout file of any size up to all of arXiv, recombined from real
/// papers, the same bytes for the same seed and size: the input of the import and search benchmarks at scale.
/// </summary>
internal static class BenchCorpusCommand
{
    public static readonly string DefaultSource = Path.Combine(BenchCommand.SharedData, "arxiv-cs", "arxiv-cs-2025-03-to-2026-07.kaggle.jsonl.gz");

    public static Command Build()
    {
        var papers = new Option<long>("--papers") { Description = "How many papers to generate (e.g. 2700000 for all of arXiv)", Required = true };
        var output = new Option<string>("--out") { Description = "The file to write; gzip when its name ends in .gz", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Same seed and size, same bytes", DefaultValueFactory = _ => 1 };
        var source = new Option<string>("--source")
        {
            Description = $"The real papers to recombine, Kaggle layout; default {DefaultSource}",
            DefaultValueFactory = _ => DefaultSource,
        };
        var command = new Command(
            "corpus",
            "Generate a Kaggle arxiv-metadata-oai-snapshot file of N papers, deterministically, from real titles, abstracts and authors recombined; ids 0704–2612.")
        {
            papers, output, seed, source,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(papers), parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(source)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(long count, string path, ulong seed, string sourcePath, CancellationToken cancellationToken)
    {
        if (count < 1 || count > CorpusPlan.MaxPapers)
        {
            await Console.Error.WriteLineAsync($"error: --papers must be from 1 to {CorpusPlan.MaxPapers:N0} (the new-style ids of 0704–2612).");
            return BenchInput.Refused;
        }

        if (!BenchInput.IsFile(sourcePath, "--source FILE"))
        {
            return BenchInput.Refused;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"error: {folder}: no such folder for --out.");
            return BenchInput.Refused;
        }

        var stopwatch = Stopwatch.StartNew();
        SourceCorpus sources;
        try
        {
            sources = SourceCorpus.Load(sourcePath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"error: {sourcePath}: {ex.Message}");
            return 1;
        }

        var plan = new CorpusPlan(sources.Papers.Count, count, seed);
        var progress = BenchProgressReporter.ForStandardError();
        progress.Note($"{sources.Papers.Count:N0} source papers read from {sourcePath} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        var label = $"writing {Path.GetFileName(path)}";
        var written = await CorpusGenerator.WriteAsync(
            sources, plan, path, new Progress(done => progress.Report(new BenchProgress(label, (int)done, (int)count))), cancellationToken);
        stopwatch.Stop();

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Generated {written.Papers:N0} papers (seed {seed}) in {written.Path}: {Size(written.FileBytes)}{(written.FileBytes != written.TextBytes ? $" gzip, {Size(written.TextBytes)} of JSON lines" : "")}, in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine($"Ids {written.FirstId} … {written.LastId}: arXiv's new style over {CorpusPlan.MonthCount} months, four-digit numbers to 1412 and five from 1501, more papers a month as the years go on.");
        Console.WriteLine(
            $"The texts are recombined from the {sources.Papers.Count:N0} real papers of {Path.GetFileName(sourcePath)}: each title (with its categories and comments) " +
            "from one paper, the abstract's sentences from one or two others, the authors from another; ids, dates, versions, submitters and licences are made up.");
        return 0;
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MB");

    /// <summary>Reports in place, on the writing thread.</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
