using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Infrastructure.Signals;

public static class SignalsServiceCollectionExtensions
{
    /// <summary>A reader's collections, "not interested", picks and follows. Needs the store and search.</summary>
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddSingleton<ReaderCollections>();
        services.AddSingleton<ReaderSignals>();
        services.AddSingleton<ReaderFollows>();
        services.AddSingleton<ReaderSignalReader>();
        services.AddSingleton<PersonalFeeds>();
        return services;
    }
}
