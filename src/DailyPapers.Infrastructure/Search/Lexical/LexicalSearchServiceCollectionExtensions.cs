using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

public static class LexicalSearchServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Search:Lexical</c> options (validated at start), the index in <c>{data}/index/lexical</c>, its indexer
    /// and searcher, and the background service that keeps it current. Needs <c>AddPaperStore</c> for the store.
    /// </summary>
    public static IServiceCollection AddLexicalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LexicalOptions>().Bind(configuration.GetSection(LexicalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LexicalOptions>, LexicalOptionsValidator>();
        services.AddSingleton(provider => new LexicalIndex(
            IndexPath(provider.GetRequiredService<StoreContextFactory>().DataDirectory),
            provider.GetRequiredService<IOptions<LexicalOptions>>().Value,
            provider.GetRequiredService<ILogger<LexicalIndex>>()));
        services.AddSingleton<LexicalIndexer>();
        services.AddSingleton<LexicalSearcher>();
        services.AddHostedService<LexicalIndexService>();
        return services;
    }

    /// <summary>Where an instance keeps its lexical index: derived state under its data folder.</summary>
    public static string IndexPath(string dataDirectory) => Path.Combine(dataDirectory, "index", "lexical");
}
