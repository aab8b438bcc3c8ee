using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Ranking;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Http.Extensions;

namespace DailyPapers.Api;

/// <summary>
/// The read API, in Hugging Face's shapes: <c>/api/daily_papers</c>, <c>/api/papers/{id}</c> and
/// <c>/api/papers/search</c> (<see cref="PaperSearchApi"/>).
/// </summary>
public static class DailyPapersApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The CORS policy of the API: reads from any origin (a static page, a notebook), never with cookies.</summary>
    public const string ReadFromAnyOrigin = "read-from-any-origin";

    /// <summary>
    /// The API's JSON settings (timestamps as Hugging Face writes them, <see cref="HfTimestamps"/>) and its CORS
    /// policy: GET and HEAD from any origin, any header (a token, which a page must hold itself), the pagination and
    /// caching headers readable. Writes need a preflight for the token header, which this policy does not pass.
    /// </summary>
    public static IServiceCollection AddDailyPapersApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => HfTimestamps.AddTo(json.SerializerOptions))
            .AddApiReference()
            .AddCors(cors => cors.AddPolicy(ReadFromAnyOrigin, policy => policy
                .AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("Link", "ETag", "Last-Modified", "Retry-After")));

    public static IEndpointRouteBuilder MapDailyPapersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireCors(ReadFromAnyOrigin);
        api.MapGet("/daily_papers", DailyPapersAsync).CacheOutput(StoreVersionedCachePolicy.Name)
            .WithName("listDailyPapers").WithTags(OpenApiDocs.PapersTag)
            .WithSummary("The papers of a day, week, month or range")
            .WithDescription("Hugging Face's `/api/daily_papers`: the papers listed on the latest listing day (or the period named), " +
                "most voted first, a page at a time. `sort=trending` ranks by votes decayed with time instead.")
            .WithQuery(DailyPapersQuery.Documented)
            .Produces<List<HfDailyItemJson>>().WithExample(ApiExamples.Items)
            .ProducesProblems(400);
        api.MapGet("/papers", AllPapersAsync).CacheOutput(StoreVersionedCachePolicy.Name)
            .WithName("listPapers").WithTags(OpenApiDocs.PapersTag)
            .WithSummary("Every paper, newest first")
            .WithDescription("A page at a time; the next page's address is in the `Link: <…>; rel=\"next\"` header, as on Hugging Face's " +
                "paginated endpoints (their client follows it). The last page has none.")
            .WithQuery(
                QueryParameterDoc.WholeNumber("limit", "Papers per page.", 1, MaxLimit, DefaultLimit),
                new QueryParameterDoc("cursor", "Where the page starts: the opaque value from the previous page's Link header; none for the first page."))
            .Produces<List<HfPaperJson>>().WithExample(ApiExamples.Papers).WithLinkHeader()
            .ProducesProblems(400);
        api.MapGet("/papers/{**id}", PaperAsync).CacheOutput(StoreVersionedCachePolicy.Name)
            .WithName("getPaper").WithTags(OpenApiDocs.PapersTag)
            .WithSummary("A paper")
            .WithDescription("Hugging Face's `/api/papers/{id}`. Withdrawn and hidden papers are not found. An old-style id may keep its slash " +
                "(`/api/papers/hep-th/9901001`).")
            .Produces<HfPaperJson>().WithExample(ApiExamples.OnePaper)
            .ProducesProblems(400, 404);
        api.MapPaperSearch();
        api.MapSimilarPapers();
        api.MapAccountApi();
        api.MapCommunityApi();
        api.MapForYouApi();
        api.MapSubmissionApi();
        app.MapPaperMarkdown();
        app.MapCitations();
        app.MapApiReference();
        return app;
    }

    private static async Task<IResult> DailyPapersAsync(
        HttpRequest request, PaperReader reader, TrendingReader trending, CancellationToken cancellationToken)
    {
        var (query, problem) = DailyPapersQuery.Read(request.Query);
        if (query is null)
        {
            return Error(problem!);
        }

        reader.WithHfItems = true;

        var period = query.Period;
        if (period is null && query.ByTrending)
        {
            // No period named: the last day, week (the default) or month up to now, as /papers/trending shows it.
            return Page(await trending.ReadAsync(query.Window, cancellationToken), query);
        }

        if (period is null)
        {
            var latest = await reader.LatestListingDayAsync(cancellationToken);
            if (latest is null)
            {
                return Results.Json(Array.Empty<HfDailyItemJson>());
            }

            period = ListingPeriod.Day(latest.Value);
        }

        if (query.ByTrending)
        {
            return Page(await trending.ReadAsync(period, cancellationToken), query);
        }

        var view = await reader.ListAsync(period, query.Filter, query.PageIndex, query.Limit, withNeighbours: false, cancellationToken);
        return Results.Json(HfJson.Items(view.Page.Papers));
    }

    /// <summary>
    /// <c>GET /api/papers?cursor=&amp;limit=</c>: every paper, newest first, a page at a time. The next page's address
    /// is in a <c>Link: &lt;…&gt;; rel="next"</c> header, as on Hugging Face's paginated endpoints (their client
    /// follows it); the last page has none.
    /// </summary>
    private static async Task<IResult> AllPapersAsync(HttpContext http, PaperReader reader, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!TryReadInt(query["limit"], DefaultLimit, 1, MaxLimit, out var limit))
        {
            return Error($"limit must be a whole number from 1 to {MaxLimit}.");
        }

        PaperCursor? after = null;
        if (!string.IsNullOrEmpty(query["cursor"]))
        {
            if (!PaperCursor.TryDecode(query["cursor"], out var cursor))
            {
                return Error("cursor is not one this API gave out: pass back the one in the Link header, or none for the first page.");
            }

            after = cursor;
        }

        reader.WithHfItems = true;
        var (papers, next) = await reader.PageAllAsync(after, limit, cancellationToken);
        if (next is not null)
        {
            var request = http.Request;
            var nextUrl = UriHelper.BuildAbsolute(
                request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create("cursor", next.Encode()).Add("limit", limit.ToString(CultureInfo.InvariantCulture)));
            http.Response.Headers.Link = $"<{nextUrl}>; rel=\"next\"";
        }

        return Results.Json(HfJson.Papers(papers));
    }

    /// <summary>A page of trending papers; the filter's conditions apply to the few candidates trending holds.</summary>
    private static IResult Page(TrendingView view, DailyPapersQuery query) =>
        Results.Json(view.Papers.Where(t => query.Filter.Matches(t.Paper))
            .Skip(query.PageIndex * query.Limit).Take(query.Limit).Select(t => HfJson.Item(t.Paper)).ToList());

    private static async Task<IResult> PaperAsync(string id, HttpContext http, PaperReader reader, CancellationToken cancellationToken)
    {
        // The catch-all route (old-style ids have a slash) also catches a GET of the write addresses: say so.
        if (id == "submit" || id.EndsWith("/upvote", StringComparison.Ordinal))
        {
            http.Response.Headers.Allow = id == "submit" ? "POST" : "POST, DELETE";
            return ApiProblem.Result(
                StatusCodes.Status405MethodNotAllowed, $"/api/papers/{id} accepts {http.Response.Headers.Allow} with an access token, not GET.");
        }

        if (ParsePaperId(id, out var arxivId) is { } problem)
        {
            return problem;
        }

        reader.WithHfItems = true;
        var paper = await reader.FindAsync(arxivId, cancellationToken);
        return paper is null ? NotFound($"Paper {arxivId} not found") : Results.Json(HfJson.Paper(paper));
    }

    /// <summary>The paper named by the route ({id}, or {archive}/{number} for old-style ids), or the error to answer with.</summary>
    internal static IResult? PaperIdOf(HttpContext http, out ArxivId id)
    {
        var values = http.Request.RouteValues;
        var text = values.TryGetValue("archive", out var archive) ? $"{archive}/{values["number"]}" : values["id"] as string;
        return ParsePaperId(text, out id);
    }

    /// <summary>The paper id a route named, or the answer for one that is not an id (400) or cannot exist (404).</summary>
    internal static IResult? ParsePaperId(string? text, out ArxivId id)
    {
        // Routing leaves an encoded slash encoded: a client that escaped hep-th%2F9901001 means hep-th/9901001.
        if (text is not null && text.Contains('%', StringComparison.Ordinal))
        {
            text = Uri.UnescapeDataString(text);
        }

        if (ArxivId.TryParse(text, out id))
        {
            return null;
        }

        return ArxivId.HasIdShape(text)
            ? NotFound($"Paper {text} not found")
            : Error($"\"{PaperText.SingleLine(text)}\" is not {ArxivId.ExpectedFormat}.");
    }

    internal static IResult NotFound(string message) => ApiProblem.Result(StatusCodes.Status404NotFound, message);

    internal static IResult Error(string message) =>
        ApiProblem.Result(StatusCodes.Status400BadRequest, message);

    internal static bool TryReadInt(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
