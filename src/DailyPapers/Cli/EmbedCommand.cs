using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers embed</c>: embeds every paper that has no current vector (inside <c>Search:Embeddings:Since</c>),
/// newest first, showing papers a second and the time left. Each batch is committed, so Ctrl+C (or a kill) loses at
/// most one batch and the next run continues with what is still missing.
/// </summary>
internal static class EmbedCommand
{
    public static Command Build()
    {
        var command = new Command("embed", "Embed the papers that have no current vector (stop any time; run again to continue).");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        if (!options.Enabled)
        {
            console.WriteLine("Embeddings are off (Search:Embeddings:Enabled is false): search is by words only, and there is nothing to embed.");
            return 1;
        }

        var embedder = services.GetRequiredService<PaperEmbedder>();
        var pending = await embedder.CountPendingAsync(cancellationToken);
        if (pending == 0)
        {
            console.WriteLine($"Every paper has a current vector ({embedder.Model}; {embedder.Window.Describe()}).");
            return 0;
        }

        var scope = embedder.Window.IsAll ? "" : $" ({embedder.Window.Describe()}; older ones are found by words)";
        console.WriteLine($"Embedding {pending:N0} papers{scope} with {embedder.Model}, newest first.");
        var stopwatch = Stopwatch.StartNew();
        var total = new EmbedBatchResult(0, 0);
        try
        {
            total = await CountedProgress.RunAsync(console, "Embedding", async progress =>
            {
                var sum = new EmbedBatchResult(0, 0);
                for (var batch = await embedder.EmbedBatchAsync(cancellationToken); batch.Papers > 0; batch = await embedder.EmbedBatchAsync(cancellationToken))
                {
                    sum = new EmbedBatchResult(sum.Papers + batch.Papers, sum.Embedded + batch.Embedded);
                    // Read live through `total` too, so that a stop reports what was saved.
                    total = sum;
                    progress.Report((sum.Papers, pending));
                }

                return sum;
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine($"Stopped after {total.Papers:N0} of {pending:N0} papers; what was embedded is saved. Run `dailypapers embed` again to continue.");
            return 130;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: {total.Papers:N0} papers up to date in {seconds:0.0} s, {total.Embedded / Math.Max(seconds, 1e-3):0.0} papers/s "
            + $"({total.Embedded:N0} embedded, {total.Papers - total.Embedded:N0} unchanged since their last vector)."));
        return 0;
    }
}
