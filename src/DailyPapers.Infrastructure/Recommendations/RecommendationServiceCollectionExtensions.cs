using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Vectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DailyPapers.Infrastructure.Recommendations;

public static class RecommendationServiceCollectionExtensions
{
    /// <summary>"For you": the readers' models, the shared candidate pools, the ranker and its digests. Needs signals, digests and search.</summary>
    public static IServiceCollection AddForYou(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ReaderModels(provider.GetService<VectorIndex>()));
        services.TryAddSingleton<StoreVersion>();
        services.AddSingleton<ForYouPools>();
        // One reader, so one connection, per request or planning run.
        services.TryAddScoped(provider => provider.GetRequiredService<PaperQueries>().OpenReader());
        services.AddScoped<ForYouRanker>();
        services.AddSingleton<ForYouRetraining>();
        services.AddSingleton<ForYouDigestPlanner>();
        return services;
    }
}
