using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;

namespace DailyPapers.Api;

/// <summary>
/// <c>GET /api/papers/{id}/similar?limit=</c> (ours; Hugging Face has none): the papers the paper page lists as
/// similar, closest first, by meaning when vectors are loaded and by words until then.
/// </summary>
public static class SimilarPapersApi
{
    public const int DefaultLimit = 8;
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapSimilarPapers(this RouteGroupBuilder api)
    {
        foreach (var (paper, name) in new[] { ("/papers/{id}/similar", "listSimilarPapers"), ("/papers/{archive}/{number}/similar", "listSimilarPapersOldStyle") })
        {
            api.MapGet(paper, SimilarAsync).CacheOutput(StoreVersionedCachePolicy.Name)
                .WithName(name).WithTags(OpenApiDocs.PapersTag)
                .WithSummary("Papers similar to a paper")
                .WithDescription("Ours: the papers the paper page lists as similar, closest first, by meaning when vectors are loaded and by words until then.")
                .WithQuery(QueryParameterDoc.WholeNumber("limit", "How many papers.", 1, MaxLimit, DefaultLimit))
                .Produces<List<HfPaperJson>>().WithExample(ApiExamples.Papers)
                .ProducesProblems(400, 404);
        }

        return api;
    }

    private static async Task<IResult> SimilarAsync(HttpContext http, PaperReader reader, PaperSearch search, CancellationToken cancellationToken)
    {
        if (!DailyPapersApi.TryReadInt(http.Request.Query["limit"], DefaultLimit, 1, MaxLimit, out var limit))
        {
            return DailyPapersApi.Error($"limit must be a whole number from 1 to {MaxLimit}.");
        }

        if (DailyPapersApi.PaperIdOf(http, out var id) is { } problem)
        {
            return problem;
        }

        reader.WithHfItems = true;
        if (await reader.FindAsync(id, cancellationToken) is not { } paper)
        {
            return DailyPapersApi.NotFound($"Paper {id} not found");
        }

        var similar = await reader.FindManyAsync(search.Similar(paper.Id, paper.Title, limit), cancellationToken);
        return Results.Json(HfJson.Papers(similar));
    }
}
