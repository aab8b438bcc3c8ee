using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

public static class HarvestServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Harvest</c> options (validated at start), the one shared arXiv client, the harvesters and the background
    /// service (which does nothing when <c>Harvest:Enabled</c> is false). Needs <c>AddPaperStore</c> for the writer.
    /// </summary>
    public static IServiceCollection AddArxivHarvesting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HarvestOptions>().Bind(configuration.GetSection(HarvestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HarvestOptions>, HarvestOptionsValidator>();
        services.AddSingleton<ArxivHttpClient>();
        services.AddSingleton<HarvestCheckpoints>();
        services.AddSingleton<OaiPmhHarvester>();
        services.AddSingleton<ArxivFeedHarvester>();
        services.AddSingleton<ArxivHarvester>();
        services.AddSingleton<ArxivPaperLookup>();
        services.AddHostedService<HarvestService>();
        return services;
    }
}
