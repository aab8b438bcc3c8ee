using System.Globalization;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace DailyPapers.Web;

/// <summary>
/// Output caching for what every anonymous reader sees alike (listing pages, paper pages, the read API). Entries are
/// keyed by the store's change counter, so a write from any process (a CLI import, another web node) retires them
/// within about a second; only a 200 to an anonymous GET or HEAD without cookies is stored, never an error, and
/// never a search (a request with ?q=), whose results depend on the search index rather than the store.
/// </summary>
public sealed class StoreVersionedCachePolicy(StoreVersion version, SearchIndexVersion searchVersion, IOutputCacheStore cache, ILogger<StoreVersionedCachePolicy> logger)
    : IOutputCachePolicy
{
    public const string Name = "store-versioned";

    /// <summary>An upper bound only: a write retires entries sooner. It limits what an unchanged store keeps in memory.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private long _newestVersionSeen = -1;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var anonymous = StringValues.IsNullOrEmpty(request.Headers.Authorization) && !IsSignedIn(context.HttpContext);
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !anonymous)
        {
            context.EnableOutputCaching = false;
            return;
        }

        if (request.Query.ContainsKey("q") && !request.Path.StartsWithSegments("/feeds", StringComparison.Ordinal))
        {
            // Search results (a listing page's ?q=) follow the search index, which trails the store by seconds; a page
            // searched by hand is rarely asked for twice. A search feed is polled by every reader's app over and over,
            // so it is cached, keyed (below) on the search index's position as well as the store's counter.
            context.EnableOutputCaching = false;
            return;
        }

        long current;
        try
        {
            current = await version.CurrentAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the version a cached page could be stale forever; serve this one fresh (it will likely fail too).
            logger.LogWarning(e, "Cannot read the store version; serving {Path} uncached", request.Path);
            context.EnableOutputCaching = false;
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        var versionText = current.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["store"] = versionText;
        // Paper pages show similar papers, found through the search index, which trails the store by a second or so.
        context.CacheVaryByRules.VaryByValues["search"] = searchVersion.Current;
        context.Tags.Add(TagOf(versionText));
        await ForgetOlderVersionsAsync(current);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // Only 200s. A 400 or 404 has no body yet at this point (the status-code page renders it afterwards, by
        // re-execution, on the uncached error endpoint); a redirect is cheap; a 5xx must never stick.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || IsSignedIn(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    // Sign-in, when it comes, must set the user before this runs: UseAuthentication before UsePageCaching in WebApp.
    private static bool IsSignedIn(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    private static string TagOf(string version) => "store-v" + version;

    /// <summary>Entries of an older version can never be served again; drop them now rather than at expiry.</summary>
    private async ValueTask ForgetOlderVersionsAsync(long current)
    {
        long seen;
        do
        {
            seen = Volatile.Read(ref _newestVersionSeen);
            if (current <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _newestVersionSeen, current, seen) != seen);

        if (seen >= 0)
        {
            await cache.EvictByTagAsync(TagOf(seen.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        }
    }
}
