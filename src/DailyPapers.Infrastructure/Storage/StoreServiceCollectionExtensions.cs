using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Papers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Infrastructure.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store and everything that reads or writes papers, for the web host and the CLI alike.</summary>
    public static IServiceCollection AddPaperStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ParseProvider(); // fail at start, with the message, rather than at the first request
        services.AddSingleton(options);
        services.AddSingleton(new StoreContextFactory(options, dataDirectory));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PaperWriter>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportCheckpoints>();
        services.AddSingleton<PaperQueries>();
        return services;
    }
}
