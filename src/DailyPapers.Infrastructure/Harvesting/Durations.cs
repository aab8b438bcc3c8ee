using System.Globalization;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>Waits as people read them in a log line: "45 s", "2 min", "6 h".</summary>
internal static class Durations
{
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalMinutes: < 1 } => $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
        _ => $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
    };
}
