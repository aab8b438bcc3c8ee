namespace DailyPapers.Web;

/// <summary>
/// Absolute addresses of this site as the request reached it (scheme, host, path base), for documents read away from
/// the site: feeds, sitemaps, the API's Link header. Behind a proxy, forward the Host header.
/// </summary>
public static class SiteAddress
{
    /// <summary>The site's root, ending in a slash: <c>https://papers.example.org/</c>.</summary>
    public static Uri Root(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>A path of this site (<c>/papers/2506.01234</c>) as an absolute address.</summary>
    public static Uri Of(HttpRequest request, string path) => new(Root(request), path.TrimStart('/'));
}
