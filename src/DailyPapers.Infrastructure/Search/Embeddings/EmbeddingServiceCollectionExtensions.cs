using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Search:Embeddings</c> options (validated at start), the <see cref="EmbeddingWindow"/> of papers to embed,
    /// and the one <see cref="TextEmbedder"/>, loaded on first
    /// use so that a host that never embeds never pays for the model. Callers check <c>Enabled</c> before asking for it.
    /// </summary>
    public static IServiceCollection AddTextEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddSingleton(provider => new TextEmbedder(provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.AddSingleton(provider => EmbeddingWindow.Parse(
            provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Since, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
