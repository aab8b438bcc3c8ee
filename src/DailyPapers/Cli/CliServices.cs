using DailyPapers.Hosting;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Cli;

/// <summary>The services a CLI verb needs, configured exactly as the web host configures them.</summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> StartAsync(string? dataOption, CancellationToken cancellationToken)
    {
        var services = Create(dataOption);
        await PrepareStoreAsync(services, cancellationToken);
        return services;
    }

    /// <summary>
    /// Checks the store and migrates it (unless <c>Database:MigrateOnStart</c> is false: then it must be migrated);
    /// throws <see cref="StoreNotReadyException"/>, which the command line prints as one line.
    /// </summary>
    public static Task PrepareStoreAsync(ServiceProvider services, CancellationToken cancellationToken) =>
        StoreSchema.PrepareAsync(
            services.GetRequiredService<StoreContextFactory>(), services.GetRequiredService<DatabaseOptions>().MigrateOnStart, cancellationToken);

    /// <summary>The services without touching the store; the caller prepares it (<see cref="PrepareStoreAsync"/>).</summary>
    public static ServiceProvider Create(string? dataOption)
    {
        var configuration = AppConfiguration.Build();
        var dataDirectory = DataDirectory.Resolve(dataOption, configuration);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true))
            .AddPaperStore(configuration, dataDirectory)
            .AddArxivHarvesting(configuration)
            .AddPaperSearch(configuration)
            .AddAccountServices()
            .AddDigests(configuration, dataDirectory)
            .AddSignals()
            .AddForYou()
            .BuildServiceProvider();
        return services;
    }

    /// <summary>
    /// What is wrong with one section of the settings (one line per bad key, naming it), read before a verb does
    /// anything with it; empty when it is usable.
    /// </summary>
    public static IReadOnlyList<string> SettingsProblems<T>(IServiceProvider services)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
            return [];
        }
        catch (Exception ex) when (Web.WebApp.SettingsProblems(ex) is { Count: > 0 } problems)
        {
            return problems;
        }
    }
}
