using System.CommandLine;
using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers reindex</c>: rebuilds the lexical search index and the vector index (the graph of the stored
/// vectors) from the store. Both are derived state; vectors live in the store and are not recomputed.
/// </summary>
internal static class ReindexCommand
{
    public static Command Build()
    {
        var command = new Command("reindex", "Rebuild the search indexes (words and vectors) from the store (stop the site first: it holds them).");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        var indexer = services.GetRequiredService<LexicalIndexer>();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var summary = await CountedProgress.RunAsync(console, "Indexing", progress =>
                indexer.RebuildAsync(new Progress(progress), cancellationToken));
            console.WriteLine($"Indexed {summary.Indexed:N0} papers in {stopwatch.Elapsed.TotalSeconds:0.0} s, up to change {summary.Sequence:N0}.");
            if (services.GetService<VectorIndexFollower>() is { } vectors)
            {
                stopwatch.Restart();
                await CountedProgress.RunAsync(console, "Building the vector index", progress => vectors.RebuildAsync(progress, cancellationToken));
                var files = services.GetRequiredService<VectorIndexFiles>();
                console.WriteLine($"Vector index: {vectors.Count:N0} vectors in {stopwatch.Elapsed.TotalSeconds:0.0} s, saved to {files.GraphPath}.");
            }

            return 0;
        }
        catch (LexicalIndexBusyException ex)
        {
            console.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine("Stopped; the index keeps its last commit and the site catches up from there. Run `dailypapers reindex` again to rebuild.");
            return 130;
        }
    }

    /// <summary>Passes the rebuild's counts on.</summary>
    private sealed class Progress(IProgress<(int Done, int Total)> inner) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => inner.Report((value.Processed, value.Total));
    }
}
