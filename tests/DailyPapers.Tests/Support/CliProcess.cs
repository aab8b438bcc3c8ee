using System.Diagnostics;

namespace DailyPapers.Tests.Support;

/// <summary>Runs the real <c>dailypapers</c> executable (built beside the tests) as a child process.</summary>
public static class CliProcess
{
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "dailypapers.dll");

    public static Process Start(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Configuration reaches the child as environment variables, the way an operator sets it.
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["Harvest__Enabled"] = "false";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Start(settings, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
