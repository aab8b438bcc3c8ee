using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;

namespace DailyPapers.Api;

/// <summary>
/// <c>GET /api/for-you?limit=</c>: the token's reader's list, as <c>/for-you</c> ranks it (their days and blend), each
/// paper with its reason and score and in Hugging Face's item shape. Personal: never cached, never shared across origins.
/// </summary>
public static class ForYouApi
{
    public const int MaxLimit = 100;

    public const int DefaultLimit = 50;

    public static RouteGroupBuilder MapForYouApi(this RouteGroupBuilder api)
    {
        api.MapGet("/for-you", ForYouAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenAuthentication.SchemeName })
            .WithName("getForYou").WithTags(OpenApiDocs.PapersTag)
            .WithSummary("Your list, ranked for you")
            .WithDescription("The recent papers ranked for the token's reader, as /for-you shows them: their days (1, 3 or 7) and blend of " +
                "their own model and trending, each paper with the reason on its card. Needs a personal access token.")
            .WithQuery(QueryParameterDoc.WholeNumber("limit", "How many papers.", 1, MaxLimit, DefaultLimit))
            .Produces<ForYouJson>().ProducesProblems(400);
        return api;
    }

    private static async Task<IResult> ForYouAsync(HttpContext http, ForYouRanker ranker, CancellationToken cancellationToken)
    {
        var limit = DefaultLimit;
        if (http.Request.Query["limit"].FirstOrDefault() is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return DailyPapersApi.Error($"limit must be a whole number from 1 to {MaxLimit}.");
        }

        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await ranker.RankAsync(user, limit, cancellationToken) is not { } list)
        {
            return DailyPapersApi.NotFound("No such account.");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        var json = new JsonObject
        {
            ["first"] = list.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["last"] = list.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = list.Days,
            ["personalWeight"] = list.PersonalWeight,
            ["papers"] = new JsonArray([.. list.Papers.Select(p => (JsonNode)new JsonObject
            {
                ["reason"] = p.Reason,
                ["score"] = Math.Round(p.Score, 4),
                ["item"] = HfJson.Item(p.Paper),
            })]),
        };
        return Results.Json(json);
    }
}
