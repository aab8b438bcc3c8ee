using System.Diagnostics;
using System.Globalization;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>This process's resident memory now and at its peak, from /proc on Linux (Process otherwise), in MB.</summary>
public static class ProcessMemory
{
    public static (double CurrentMb, double PeakMb) Read()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            var lines = File.ReadAllLines(Status);
            return (Kilobytes(lines, "VmRSS:") / 1024.0, Kilobytes(lines, "VmHWM:") / 1024.0);
        }

        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, process.PeakWorkingSet64 / 1048576.0);
    }

    private static long Kilobytes(string[] lines, string key)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var number = line?[key.Length..].Trim().Split(' ')[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
    }
}
