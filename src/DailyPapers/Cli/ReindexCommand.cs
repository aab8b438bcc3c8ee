using System.CommandLine;
using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Lexical;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers reindex</c>: rebuilds the lexical search index from the store. The index is derived state; vectors
/// live in the store and are not recomputed.
/// </summary>
internal static class ReindexCommand
{
    public static Command Build()
    {
        var command = new Command("reindex", "Rebuild the search index from the store (stop the site first: it holds the index).");
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
