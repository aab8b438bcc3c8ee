using System.Runtime.CompilerServices;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace DailyPapers.Web;

/// <summary>
/// <c>/robots.txt</c> and the sitemap (sitemaps.org protocol 0.9): <c>/sitemap.xml</c> is an index of the files under
/// <c>/sitemaps/</c> (<see cref="SitemapFile"/>), which list the day, week and month pages that have a visible
/// listing and the page of every visible paper, at most <see cref="WebOptions.SitemapUrlsPerFile"/> URLs to a file.
/// Addresses are absolute, as the request reached the site (<see cref="SiteAddress"/>).
/// </summary>
public static class Sitemaps
{
    /// <summary>
    /// The longest site root (scheme, host, path base) given a sitemap. Within it every <c>&lt;loc&gt;</c> stays under
    /// 600 characters, far from the protocol's 2,048, and a file of 50,000 URLs (some 640 bytes each at most) under
    /// its 50 MB; a real site's root is a few dozen characters.
    /// </summary>
    public const int MaxRootLength = 512;

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        // Nothing in robots.txt comes from the store: writing it costs less than the cache's look at the store version.
        // For crawlers, not API clients: left out of the OpenAPI document.
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", IndexAsync).CacheOutput(StoreVersionedCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/sitemaps/{name}", FileAsync).CacheOutput(StoreVersionedCachePolicy.Name).ExcludeFromDescription();
        return app;
    }

    private static IResult Robots(HttpRequest request) => RootOf(request) is null
        ? HostTooLong()
        : Results.Text(RobotsTxt.For(SiteAddress.Of(request, "/sitemap.xml")), RobotsTxt.ContentType);

    /// <summary>
    /// The index: the files that cover each kind. Cheaper than a file: it walks the days along an index, with a probe
    /// of a row or two per day, and counts the papers along an index, reading no paper's row.
    /// </summary>
    private static async Task<IResult> IndexAsync(
        HttpRequest request, StoreContextFactory store, IOptions<WebOptions> options, CancellationToken cancellationToken)
    {
        if (RootOf(request) is not { } root)
        {
            return HostTooLong();
        }

        var perFile = options.Value.SitemapUrlsPerFile;
        var queries = new SitemapQueries(store);
        var (days, weeks, months) = await CountListingPagesAsync(queries, cancellationToken);
        var papers = await queries.PaperCountAsync(cancellationToken);
        var files = SitemapFile.Covering(SitemapFileKind.Days, days, perFile)
            .Concat(SitemapFile.Covering(SitemapFileKind.Weeks, weeks, perFile))
            .Concat(SitemapFile.Covering(SitemapFileKind.Months, months, perFile))
            .Concat(SitemapFile.Covering(SitemapFileKind.Papers, papers, perFile))
            .Select(file => root + file.Path.TrimStart('/'));
        return Results.Stream(stream => SitemapXml.WriteIndexAsync(stream, files, cancellationToken), SitemapXml.ContentType);
    }

    private static async Task<IResult> FileAsync(
        string name, HttpContext http, StoreContextFactory store, IOptions<WebOptions> options, CancellationToken cancellationToken)
    {
        // Any other name (papers-0.xml, papers-01.xml, papers.xml) is no file of ours, as an unknown page is not.
        if (!SitemapFile.TryParse(name, out var file))
        {
            return Results.NotFound();
        }

        if (RootOf(http.Request) is not { } root)
        {
            return HostTooLong();
        }

        var perFile = options.Value.SitemapUrlsPerFile;
        var skip = (long)(file.Number - 1) * perFile;
        var queries = new SitemapQueries(store);
        var urls = file.Kind == SitemapFileKind.Papers
            ? queries.PapersAsync(skip, perFile, cancellationToken).Select(paper => (root + "papers/" + paper.Id, paper.LastModified))
            : ListingPagesAsync(queries, PeriodKindOf(file.Kind), skip, perFile, cancellationToken)
                .Select(page => (root + page.Period.Path.TrimStart('/'), page.NewestListedAt));
        // The first URL is read before answering: none means the file is past the end (or, for papers, that its whole
        // share is hidden or withdrawn: 50,000 papers in a row, never in practice, and then a 404 is no worse than the
        // empty file the protocol does not allow). Disposed with the request whether or not the body gets written, so
        // the connection never outlives it.
        var rest = urls.GetAsyncEnumerator(cancellationToken);
        http.Response.RegisterForDisposeAsync(rest);
        return await rest.MoveNextAsync() ? UrlSet(StartingWith(rest), cancellationToken) : Results.NotFound();
    }

    private static ListingPeriodKind PeriodKindOf(SitemapFileKind kind) => kind switch
    {
        SitemapFileKind.Days => ListingPeriodKind.Day,
        SitemapFileKind.Weeks => ListingPeriodKind.Week,
        _ => ListingPeriodKind.Month,
    };

    private static IResult UrlSet(IAsyncEnumerable<(string Location, DateTime? LastModified)> urls, CancellationToken cancellationToken) =>
        Results.Stream(stream => SitemapXml.WriteUrlSetAsync(stream, urls, cancellationToken), SitemapXml.ContentType);

    /// <summary>Day, week and month pages that have a visible listing, counted in one walk over the days.</summary>
    private static async Task<(long Days, long Weeks, long Months)> CountListingPagesAsync(SitemapQueries queries, CancellationToken cancellationToken)
    {
        long days = 0, weeks = 0, months = 0;
        ListingPeriod? week = null, month = null;
        await foreach (var day in queries.ListingDaysAsync(withNewestListing: false, cancellationToken))
        {
            days++;
            var dayWeek = ListingPeriod.WeekOf(day.Day);
            if (dayWeek != week)
            {
                weeks++;
                week = dayWeek;
            }

            var dayMonth = ListingPeriod.MonthOf(day.Day);
            if (dayMonth != month)
            {
                months++;
                month = dayMonth;
            }
        }

        return (days, weeks, months);
    }

    /// <summary>
    /// The pages of one kind that have a visible listing, oldest first, each dated by its newest listing: the
    /// <paramref name="take"/> of them from position <paramref name="skip"/>. Days come in order, so the days of a week
    /// or month come together and each period is complete when the next begins.
    /// </summary>
    private static async IAsyncEnumerable<(ListingPeriod Period, DateTime? NewestListedAt)> ListingPagesAsync(
        SitemapQueries queries, ListingPeriodKind kind, long skip, int take, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = 0;
        ListingPeriod? current = null;
        DateTime? newest = null;
        await foreach (var day in queries.ListingDaysAsync(withNewestListing: true, cancellationToken))
        {
            var period = ListingPeriod.Of(kind, day.Day);
            if (current is not null && period != current)
            {
                if (position++ >= skip)
                {
                    yield return (current, newest);
                    if (position - skip == take)
                    {
                        yield break;
                    }
                }

                newest = null;
            }

            current = period;
            newest = Later(newest, day.NewestListedAt);
        }

        if (current is not null && position >= skip)
        {
            yield return (current, newest);
        }
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null || b > a ? b : a;

    private static async IAsyncEnumerable<T> StartingWith<T>(IAsyncEnumerator<T> started)
    {
        do
        {
            yield return started.Current;
        }
        while (await started.MoveNextAsync());
    }

    /// <summary>The site's root ending in a slash, or null when the request names it too long for a sitemap (see <see cref="MaxRootLength"/>).</summary>
    private static string? RootOf(HttpRequest request) => SiteAddress.Root(request).AbsoluteUri is { Length: <= MaxRootLength } root ? root : null;

    private static IResult HostTooLong() => Results.Text(
        $"This site's address as the request names it (scheme, host and path base) is longer than {MaxRootLength} characters: too long for a sitemap.\n",
        RobotsTxt.ContentType, statusCode: StatusCodes.Status400BadRequest);
}
