using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace DailyPapers.Infrastructure.Harvesting;

public static class HarvestServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Harvest</c> options (validated at start), the one shared arXiv client and the harvesters. Needs
    /// <c>AddPaperStore</c> for the writer.
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
        return services;
    }

    /// <summary>
    /// The web host's background harvest (<see cref="HarvestJob"/>), unless <c>Harvest:Enabled</c> is false: first after
    /// <see cref="HarvestOptions.StartDelay"/>, so it never competes with start-up, then every interval. Needs
    /// <c>AddJobScheduler</c>.
    /// </summary>
    public static IServiceCollection AddHarvestJob(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HarvestOptions.Section).Get<HarvestOptions>() ?? new HarvestOptions();
        if (!options.Enabled || options.Interval <= TimeSpan.Zero)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<HarvestJob>(job => job.WithIdentity(HarvestJob.Key).RequestRecovery());
            quartz.AddTrigger(trigger => trigger.ForJob(HarvestJob.Key).WithIdentity(HarvestJob.Regular)
                .StartAt(DateTimeOffset.UtcNow + options.StartDelay)
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.Interval).RepeatForever()));
        });
        return services;
    }
}
