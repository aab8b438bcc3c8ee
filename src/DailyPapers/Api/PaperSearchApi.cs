using System.Globalization;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;

namespace DailyPapers.Api;

/// <summary>
/// <c>GET /api/papers/search?q=&amp;limit=</c>: the best matches, each in the item shape of Hugging Face's
/// <c>/api/papers/search</c> (the same as a <c>/api/daily_papers</c> item). Never output-cached: results follow the
/// search index, which trails the store by seconds.
/// </summary>
public static class PaperSearchApi
{
    public const int DefaultLimit = 20;

    /// <summary>Hugging Face's own bound for this endpoint (their daily list stops at 100).</summary>
    public const int MaxLimit = 120;

    /// <summary>Hugging Face's bound on <c>q</c>; the search page takes longer text and searches part of it.</summary>
    public const int MaxQueryLength = 250;

    /// <summary>Mapped before <c>/papers/{**id}</c> is matched: a literal segment outranks a catch-all.</summary>
    public static RouteGroupBuilder MapPaperSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/papers/search", SearchAsync)
            .WithName("searchPapers").WithTags(OpenApiDocs.PapersTag)
            .WithSummary("Search papers")
            .WithDescription("Hugging Face's `/api/papers/search`: the best matches first, by words and by meaning, in the item shape of " +
                "`/api/daily_papers`. The query takes words, \"phrases\", `au:`, `ti:` and `cat:` prefixes or a plain question. " +
                "An empty query answers an empty array.")
            .WithQuery(
                new QueryParameterDoc("q", $"What to search for, at most {MaxQueryLength} characters.") { Example = "reinforcement pre-training" },
                QueryParameterDoc.WholeNumber("limit", "How many results.", 1, MaxLimit, DefaultLimit))
            .Produces<List<HfDailyItemJson>>().WithExample(ApiExamples.Items)
            .ProducesProblems(400);
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, PaperSearch search, PaperReader reader, CancellationToken cancellationToken)
    {
        if (!DailyPapersApi.TryReadInt(request.Query["limit"], DefaultLimit, 1, MaxLimit, out var limit))
        {
            return DailyPapersApi.Error($"limit must be a whole number from 1 to {MaxLimit}.");
        }

        var text = string.Join(' ', request.Query["q"].Where(v => v is not null));
        if (text.Length > MaxQueryLength)
        {
            return DailyPapersApi.Error($"q must be at most {MaxQueryLength} characters, as on Hugging Face; this one has {text.Length.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        // An empty query (or one of only syntax, such as "(((") asks for nothing: an empty array, 200, not an error,
        // so a client that searches as the user types needs no special case.
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return Results.Json(Array.Empty<HfDailyItemJson>());
        }

        var found = search.Search(new PaperSearchRequest(query, SearchFilters.None, SearchSort.Relevance, 0, limit));
        reader.WithHfItems = true;
        var papers = await reader.FindManyAsync(found.Ids, cancellationToken);
        return Results.Json(HfJson.Items(papers));
    }
}
