using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Cli;

/// <summary>
/// Progress of a benchmark on stderr (stdout stays clean for <c>--json</c>): one line rewritten in place on a terminal,
/// a line every few seconds in a log; each with the rate and the time left.
/// </summary>
internal sealed class BenchProgressReporter(TextWriter writer, bool interactive) : IProgress<BenchProgress>
{
    private readonly Stopwatch _sinceStageStart = new();
    private string? _stage;
    private long _lastWrite;

    public static BenchProgressReporter ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(BenchProgress value)
    {
        if (value.Stage != _stage)
        {
            if (_stage is not null && interactive)
            {
                writer.WriteLine();
            }

            (_stage, _lastWrite) = (value.Stage, 0);
            _sinceStageStart.Restart();
        }

        var finished = value.Done >= value.Total;
        var interval = interactive ? 0.25 : 5;
        if (!finished && Stopwatch.GetElapsedTime(_lastWrite).TotalSeconds < interval)
        {
            return;
        }

        _lastWrite = Stopwatch.GetTimestamp();
        var seconds = _sinceStageStart.Elapsed.TotalSeconds;
        // A rate over the first fraction of a second says nothing; wait for one worth showing.
        var rate = seconds >= 0.5 && value.Done > 0 ? value.Done / seconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : (TimeSpan?)null;
        var pace = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $" · {rate:N0}/s") : "";
        var eta = finished ? string.Create(CultureInfo.InvariantCulture, $"done in {seconds:0.0} s") : left is { } l ? $"about {l:mm\\:ss} left" : "starting";
        var line = string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Done:N0}/{value.Total:N0}{pace} · {eta}");
        if (interactive)
        {
            writer.Write("\r" + line.PadRight(78));
            if (finished)
            {
                writer.WriteLine();
                _stage = null;
            }
        }
        else
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>A line of its own (what is being loaded, where vectors came from).</summary>
    public void Note(string message) => writer.WriteLine(message);
}
