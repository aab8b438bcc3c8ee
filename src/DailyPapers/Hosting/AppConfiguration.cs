using Microsoft.Extensions.Configuration;

namespace DailyPapers.Hosting;

/// <summary>Configuration for CLI verbs, from the same sources as the web host: appsettings.json, then environment.</summary>
public static class AppConfiguration
{
    public static IConfiguration Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
}
