using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DailyPapers.Infrastructure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Search as the site runs it: the lexical index and its follower, and (unless <c>Search:Embeddings:Enabled</c> is
    /// false) the stored vectors, the in-memory vector index, background embedding, and <see cref="PaperSearch"/>
    /// over both. Needs <c>AddPaperStore</c>.
    /// </summary>
    public static IServiceCollection AddPaperSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLexicalSearch(configuration);
        services.AddTextEmbeddings(configuration);
        services.AddOptions<HybridOptions>().Bind(configuration.GetSection(HybridOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HybridOptions>, HybridOptionsValidator>();
        services.AddSingleton<PaperVectorStore>();

        var embeddings = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        if (embeddings.Enabled)
        {
            services.AddOptions<VectorIndexOptions>().Bind(configuration.GetSection(VectorIndexOptions.Section)).ValidateOnStart();
            services.AddSingleton<IValidateOptions<VectorIndexOptions>, VectorIndexOptionsValidator>();
            services.AddSingleton(EmbeddingModelProfile.For(embeddings.Model));
            services.AddSingleton(provider => new VectorIndex(
                provider.GetRequiredService<EmbeddingModelProfile>().Dimensions,
                loadsFromStore: true,
                provider.GetRequiredService<IOptions<VectorIndexOptions>>().Value.Settings));
            services.AddSingleton(provider => new VectorIndexFiles(
                VectorIndexFiles.DefaultDirectory(provider.GetRequiredService<StoreContextFactory>().DataDirectory),
                provider.GetRequiredService<EmbeddingModelProfile>().Name,
                provider.GetRequiredService<ILogger<VectorIndexFiles>>()));
            services.AddSingleton(provider => new VectorIndexFollower(
                provider.GetRequiredService<PaperVectorStore>(),
                provider.GetRequiredService<VectorIndex>(),
                provider.GetRequiredService<EmbeddingModelProfile>(),
                provider.GetRequiredService<VectorIndexFiles>(),
                provider.GetRequiredService<IOptions<VectorIndexOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<VectorIndexFollower>>()));
            services.AddSingleton<PaperEmbedder>();
            services.AddSingleton(provider => new SemanticSearcher(
                new Lazy<TextEmbedder>(provider.GetRequiredService<TextEmbedder>),
                provider.GetRequiredService<VectorIndex>(),
                provider.GetRequiredService<IOptions<VectorIndexOptions>>().Value.Rescore
                    ? new StoredExactVectors(provider.GetRequiredService<StoreContextFactory>(), provider.GetRequiredService<EmbeddingModelProfile>().Name)
                    : null));
            services.AddSingleton<BackgroundEmbedding>();
            services.AddHostedService<SemanticIndexService>();
        }

        services.AddSingleton<SearchIndexLag>();
        services.AddSingleton(provider => new SearchIndexVersion(
            provider.GetRequiredService<LexicalIndex>(), embeddings.Enabled ? provider.GetRequiredService<VectorIndex>() : null));
        services.AddSingleton(provider => new PaperSearch(
            provider.GetRequiredService<LexicalSearcher>(),
            embeddings.Enabled ? provider.GetRequiredService<SemanticSearcher>() : null,
            provider.GetRequiredService<IOptions<HybridOptions>>().Value));
        return services;
    }

    /// <summary>
    /// The web host's background embedding (<see cref="EmbedPapersJob"/>) every <c>Search:Embeddings:PollInterval</c>,
    /// unless embeddings or <c>Search:Embeddings:Background</c> are off. Needs <c>AddJobScheduler</c>.
    /// </summary>
    public static IServiceCollection AddEmbeddingJob(this IServiceCollection services, IConfiguration configuration)
    {
        var embeddings = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        if (!embeddings.Enabled || !embeddings.Background)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<EmbedPapersJob>(job => job.WithIdentity(EmbedPapersJob.Key).RequestRecovery());
            quartz.AddTrigger(trigger => trigger.ForJob(EmbedPapersJob.Key).WithIdentity("embed-papers", "search")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(embeddings.PollInterval).RepeatForever()));
        });
        return services;
    }
}
