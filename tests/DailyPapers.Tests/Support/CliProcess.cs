using System.Diagnostics;

namespace DailyPapers.Tests.Support;

/// <summary>Runs the real <c>dailypapers</c> executable, from its own build output, as a child process.</summary>
public static class CliProcess
{
    /// <summary>
    /// The app's own output (runtime-specific, precompiled in Release), built with the same configuration as the
    /// tests; the copy beside the tests carries the test host's native-library layout instead.
    /// </summary>
    public static string AppDll { get; } = FindAppDll();

    private static string FindAppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var output = Path.Combine(TestData.RepoRoot, "src", "DailyPapers", "bin", configuration, "net10.0");
        return Directory.GetFiles(output, "dailypapers.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new InvalidOperationException($"dailypapers.dll is not built under {output}");
    }

    public static Process Start(IReadOnlyDictionary<string, string?> settings, params string[] args) => Start(settings, false, args);

    /// <summary>Runs a verb that reads standard input (a password), giving it <paramref name="input"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunWithInputAsync(
        IReadOnlyDictionary<string, string?> settings, string input, params string[] args)
    {
        using var process = Start(settings, true, args);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        return await CollectAsync(process);
    }

    private static Process Start(IReadOnlyDictionary<string, string?> settings, bool withInput, string[] args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = withInput,
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
        using var process = Start(settings, false, args);
        return await CollectAsync(process);
    }

    /// <summary>Like <see cref="RunAsync"/>, with standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunApartAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Start(settings, false, args);
        return await CollectApartAsync(process);
    }

    /// <summary>Like <see cref="RunApartAsync"/>, run from <paramref name="workingDirectory"/>: for defaults that are relative paths.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunApartInAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Start(settings, false, args, workingDirectory);
        return await CollectApartAsync(process);
    }

    private static async Task<(int ExitCode, string Output, string Error)> CollectApartAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<(int ExitCode, string Output)> CollectAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Kills each process still running (with its children), waits for it, and disposes of it.</summary>
    public static async Task StopAllAsync(IEnumerable<Process?> processes)
    {
        foreach (var process in processes.OfType<Process>())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
