using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Ingestion;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>Shows an import's progress (a bar on a terminal, a line every few seconds in a log) and its summary.</summary>
internal static class ImportReport
{
    private const int RejectionsShown = 100;

    /// <param name="startBytes">Input already behind at the start (a resumed import): not counted in the rate.</param>
    public static async Task<ImportSummary> WithProgressAsync(
        IAnsiConsole console, string label, long startBytes, Func<IProgress<ImportProgress>, Task<ImportSummary>> run)
    {
        var clock = Stopwatch.StartNew();
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: 1);
                    var progress = new SynchronousProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.TotalBytes);
                        task.Value = p.BytesRead;
                        task.Description = Markup.Escape($"{label} · {Figures(p, startBytes, clock.Elapsed)}");
                    });
                    var summary = await run(progress);
                    task.Value = task.MaxValue;
                    return summary;
                });
        }

        var last = TimeSpan.Zero;
        var lineProgress = new SynchronousProgress(p =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(2))
            {
                return;
            }

            last = clock.Elapsed;
            var percent = p.TotalBytes > 0 ? 100.0 * p.BytesRead / p.TotalBytes : 0;
            // Straight to the output: Spectre would wrap a log line at its assumed 80 columns.
            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {percent:0}% · {Figures(p, startBytes, clock.Elapsed)}"));
        });
        return await run(lineProgress);
    }

    /// <summary>
    /// "120,000 records · 9,800 records/s · about 4 min left": the time left from the input's bytes (records are not
    /// known ahead), both rates over this run only.
    /// </summary>
    public static string Figures(ImportProgress progress, long startBytes, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var records = progress.Records;
        var text = string.Create(CultureInfo.InvariantCulture, $"{records:N0} records");
        if (seconds < 1 || records == 0)
        {
            return text;
        }

        text += string.Create(CultureInfo.InvariantCulture, $" · {records / seconds:N0} records/s");
        var bytesPerSecond = (progress.BytesRead - startBytes) / seconds;
        if (bytesPerSecond <= 0 || progress.BytesRead >= progress.TotalBytes)
        {
            return text;
        }

        var left = TimeSpan.FromSeconds((progress.TotalBytes - progress.BytesRead) / bytesPerSecond);
        return text + " · about " + (left.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalMinutes):0} min left")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalSeconds):0} s left"));
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
