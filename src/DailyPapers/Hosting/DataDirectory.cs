using Microsoft.Extensions.Configuration;

namespace DailyPapers.Hosting;

/// <summary>
/// Where an instance keeps all its state (database, index, outbox): <c>--data</c>, else <c>DAILYPAPERS_DATA</c>,
/// else <c>DataDirectory</c> from configuration, else <c>./data</c> under the current directory.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "DAILYPAPERS_DATA";

    public static string Resolve(string? commandLineValue, IConfiguration configuration)
    {
        var chosen = FirstNonEmpty(commandLineValue, Environment.GetEnvironmentVariable(EnvironmentVariable), configuration["DataDirectory"], "data");
        return Path.GetFullPath(chosen, Environment.CurrentDirectory);
    }

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
