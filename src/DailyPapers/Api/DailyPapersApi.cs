using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Ranking;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;

namespace DailyPapers.Api;

/// <summary>
/// The read API, in Hugging Face's shapes: <c>/api/daily_papers</c>, <c>/api/papers/{id}</c> and
/// <c>/api/papers/search</c> (<see cref="PaperSearchApi"/>).
/// </summary>
public static class DailyPapersApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The API's JSON settings: timestamps as Hugging Face writes them (<see cref="HfTimestamps"/>).</summary>
    public static IServiceCollection AddDailyPapersApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => HfTimestamps.AddTo(json.SerializerOptions));

    public static IEndpointRouteBuilder MapDailyPapersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/daily_papers", DailyPapersAsync).CacheOutput(StoreVersionedCachePolicy.Name);
        api.MapGet("/papers/{**id}", PaperAsync).CacheOutput(StoreVersionedCachePolicy.Name);
        api.MapPaperSearch();
        api.MapAccountApi();
        api.MapCommunityApi();
        api.MapSubmissionApi();
        app.MapPaperMarkdown();
        return app;
    }

    private static async Task<IResult> DailyPapersAsync(
        HttpRequest request, PaperReader reader, TrendingReader trending, CancellationToken cancellationToken)
    {
        var query = request.Query;
        string? sort = query["sort"];
        var byTrending = string.Equals(sort, "trending", StringComparison.OrdinalIgnoreCase);
        var newest = string.Equals(sort, "publishedAt", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(sort) && !byTrending && !newest)
        {
            return Error("sort must be publishedAt (newest first) or trending, or absent for the listing's order (most voted first).");
        }

        if (!TryReadInt(query["min_votes"], 0, 0, int.MaxValue, out var minVotes))
        {
            return Error("min_votes must be a whole number from 0.");
        }

        // Hugging Face's submitter= names a user; here also a reader's handle (their curated submissions).
        string? submitter = query["submitter"];
        var filter = new ListingFilter
        {
            Submitter = string.IsNullOrWhiteSpace(submitter) ? null : submitter.Trim(),
            MinVotes = minVotes,
            Order = newest ? ListingOrder.Newest : ListingOrder.Votes,
        };

        if (!TryReadInt(query["limit"], DefaultLimit, 1, MaxLimit, out var limit))
        {
            return Error($"limit must be a whole number from 1 to {MaxLimit}.");
        }

        if (!TryReadInt(query["p"], 0, 0, 100_000, out var pageIndex))
        {
            return Error("p (the page index) must be a whole number from 0.");
        }

        ListingPeriod? period;
        string? date = query["date"], week = query["week"], month = query["month"];
        if (new[] { date, week, month }.Count(v => !string.IsNullOrEmpty(v)) > 1)
        {
            return Error("Give one of date, week or month, not several.");
        }

        if (!string.IsNullOrEmpty(date))
        {
            if (!ListingPeriod.TryParseDay(date, out var p))
            {
                return Error($"date must be {ListingPeriod.DayFormat}.");
            }

            period = p;
        }
        else if (!string.IsNullOrEmpty(week))
        {
            if (!ListingPeriod.TryParseWeek(week, out var p))
            {
                return Error($"week must be {ListingPeriod.WeekFormat}.");
            }

            period = p;
        }
        else if (!string.IsNullOrEmpty(month))
        {
            if (!ListingPeriod.TryParseMonth(month, out var p))
            {
                return Error($"month must be {ListingPeriod.MonthFormat}.");
            }

            period = p;
        }
        else if (byTrending)
        {
            // No period named: the last day, week (the default) or month up to now, as /papers/trending shows it.
            string? windowText = query["window"];
            var window = TrendingWindow.Week;
            if (!string.IsNullOrEmpty(windowText) && !Trending.TryParse(windowText, out window))
            {
                return Error("window must be day, week or month.");
            }

            return Page(await trending.ReadAsync(window, cancellationToken), filter, pageIndex, limit);
        }
        else
        {
            var latest = await reader.LatestListingDayAsync(cancellationToken);
            if (latest is null)
            {
                return Results.Json(Array.Empty<HfDailyItemJson>());
            }

            period = ListingPeriod.Day(latest.Value);
        }

        if (byTrending)
        {
            return Page(await trending.ReadAsync(period, cancellationToken), filter, pageIndex, limit);
        }

        var view = await reader.ListAsync(period, filter, pageIndex, limit, withNeighbours: false, cancellationToken);
        return Results.Json(view.Page.Papers.Select(HfDailyItemJson.From).ToList());
    }

    /// <summary>A page of trending papers; the filter's conditions apply to the few candidates trending holds.</summary>
    private static IResult Page(TrendingView view, ListingFilter filter, int pageIndex, int limit) =>
        Results.Json(view.Papers
            .Where(t => t.Paper.Votes >= filter.MinVotes && (filter.Submitter is null || t.Paper.SubmittedBy == filter.Submitter))
            .Skip(pageIndex * limit).Take(limit).Select(t => HfDailyItemJson.From(t.Paper)).ToList());

    private static async Task<IResult> PaperAsync(string id, HttpContext http, PaperReader reader, CancellationToken cancellationToken)
    {
        // The catch-all route (old-style ids have a slash) also catches a GET of the write addresses: say so.
        if (id == "submit" || id.EndsWith("/upvote", StringComparison.Ordinal))
        {
            http.Response.Headers.Allow = id == "submit" ? "POST" : "POST, DELETE";
            return Results.Json(
                new { error = $"/api/papers/{id} accepts {http.Response.Headers.Allow} with an access token, not GET." },
                statusCode: StatusCodes.Status405MethodNotAllowed);
        }

        if (ParsePaperId(id, out var arxivId) is { } problem)
        {
            return problem;
        }

        var paper = await reader.FindAsync(arxivId, cancellationToken);
        return paper is null ? NotFound($"Paper {arxivId} not found") : Results.Json(HfPaperJson.From(paper));
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

    internal static IResult NotFound(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status404NotFound);

    internal static IResult Error(string message) =>
        Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

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
