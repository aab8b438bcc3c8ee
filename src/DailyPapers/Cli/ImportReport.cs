using System.Globalization;
using DailyPapers.Infrastructure.Ingestion;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>Shows an import's progress (a bar on a terminal, a line every few seconds in a log) and its summary.</summary>
internal static class ImportReport
{
    private const int RejectionsShown = 100;

    public static async Task<ImportSummary> WithProgressAsync(IAnsiConsole console, string label, Func<IProgress<ImportProgress>, Task<ImportSummary>> run)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: 1);
                    var progress = new SynchronousProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.TotalBytes);
                        task.Value = p.BytesRead;
                        task.Description = Markup.Escape($"{label} · {p.Records:N0} records");
                    });
                    var summary = await run(progress);
                    task.Value = task.MaxValue;
                    return summary;
                });
        }

        var last = DateTime.UtcNow;
        var lineProgress = new SynchronousProgress(p =>
        {
            if ((DateTime.UtcNow - last).TotalSeconds < 2)
            {
                return;
            }

            last = DateTime.UtcNow;
            var percent = p.TotalBytes > 0 ? 100.0 * p.BytesRead / p.TotalBytes : 0;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {percent:0}% · {p.Records:N0} records"));
        });
        return await run(lineProgress);
    }

    public static void WriteSummary(IAnsiConsole console, ImportSummary summary, TimeSpan elapsed, string? rejectionsFile)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("new").AddColumn("updated").AddColumn("unchanged")
            .AddColumn("deleted").AddColumn("rejected").AddColumn("time").AddColumn("rate");
        var rate = elapsed.TotalSeconds > 0 ? summary.Total / elapsed.TotalSeconds : 0;
        table.AddRow(
            summary.New.ToString("N0", CultureInfo.InvariantCulture),
            summary.Updated.ToString("N0", CultureInfo.InvariantCulture),
            summary.Unchanged.ToString("N0", CultureInfo.InvariantCulture),
            summary.Deleted.ToString("N0", CultureInfo.InvariantCulture),
            summary.Rejected.ToString("N0", CultureInfo.InvariantCulture),
            elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
            rate.ToString("N0", CultureInfo.InvariantCulture) + " records/s");
        console.Write(table);

        if (summary.Rejected == 0)
        {
            return;
        }

        console.WriteLine($"Rejected {summary.Rejected:N0} record(s):");
        foreach (var rejected in summary.Rejections.Take(RejectionsShown))
        {
            console.WriteLine($"  rejected {rejected.Location}: {rejected.Reason}");
        }

        if (summary.Rejected > RejectionsShown)
        {
            console.WriteLine($"  … and {summary.Rejected - RejectionsShown:N0} more.");
        }

        if (rejectionsFile is not null)
        {
            console.WriteLine($"Every rejection is listed in {rejectionsFile}");
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and can report after the summary; this reports in place.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
