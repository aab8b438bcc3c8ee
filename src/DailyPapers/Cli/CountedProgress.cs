using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// Progress of work counted in items (papers embedded, papers indexed): a bar with rate and time left on a terminal,
/// a line every few seconds with the same figures in a log.
/// </summary>
internal static class CountedProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string label, Func<IProgress<(int Done, int Total)>, Task<T>> run)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: 1);
                    var stopwatch = Stopwatch.StartNew();
                    var result = await run(new Reporter((done, total) =>
                    {
                        task.MaxValue = Math.Max(1, Math.Max(total, done));
                        task.Value = done;
                        task.Description = Markup.Escape($"{label} · {Figures(done, total, stopwatch.Elapsed, withEta: false)}");
                    }));
                    task.Value = task.MaxValue;
                    return result;
                });
        }

        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        return await run(new Reporter((done, total) =>
        {
            if (clock.Elapsed - lastLine < TimeSpan.FromSeconds(2))
            {
                return;
            }

            lastLine = clock.Elapsed;
            console.WriteLine($"{label}: {Figures(done, total, clock.Elapsed, withEta: true)}");
        }));
    }

    /// <summary>"1,200 of 9,881 · 24.3/s · about 6 min left".</summary>
    public static string Figures(int done, int total, TimeSpan elapsed, bool withEta)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var text = string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {Math.Max(done, total):N0} · {rate:0.0}/s");
        if (!withEta || rate <= 0 || done >= total)
        {
            return text;
        }

        var left = TimeSpan.FromSeconds((total - done) / rate);
        return text + " · about " + (left.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalMinutes):0} min left")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalSeconds):0} s left"));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and can report after the summary; this reports in place.</summary>
    private sealed class Reporter(Action<int, int> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value.Done, value.Total);
    }
}
