using DailyPapers.Infrastructure.Papers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Web;

/// <summary>Wires output caching of the pages and read API (<c>Web:OutputCache</c>) and the store version it keys on.</summary>
public static class PageCaching
{
    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section))
            .Validate(o => o.SitemapUrlsPerFile is >= 1 and <= WebOptions.MaxSitemapUrlsPerFile,
                $"Web:SitemapUrlsPerFile must be a whole number from 1 to {WebOptions.MaxSitemapUrlsPerFile} (the sitemap protocol's limit).")
            .ValidateOnStart();
        services.TryAddSingleton<StoreVersion>();
        services.AddOutputCache(options =>
        {
            // Paper ids are case-sensitive in the routes (other spellings redirect), so the keys are too.
            options.UseCaseSensitivePaths = true;
            options.DefaultExpirationTimeSpan = StoreVersionedCachePolicy.Lifetime;
            // By type: the policy needs the cache store, which needs these options, so it is made at the first request.
            options.AddPolicy(StoreVersionedCachePolicy.Name, policy => policy.AddPolicy<StoreVersionedCachePolicy>(), excludeDefaultPolicy: true);
        });
        return services;
    }

    /// <summary>Goes after routing (the policy is endpoint metadata) and, once there is sign-in, after authentication.</summary>
    public static IApplicationBuilder UsePageCaching(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<WebOptions>>().Value.OutputCache)
        {
            app.UseOutputCache();
        }

        return app;
    }
}
