using System.Security.Claims;
using System.Text.Json;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;

namespace DailyPapers.Api;

/// <summary>
/// <c>POST /api/papers/submit</c> with a personal access token and <c>{"id": "2506.01234", "comment": "…"}</c> (the
/// id may be an arXiv URL): 201 with the paper and the day it is listed on, or the reason it was refused.
/// </summary>
public static class SubmissionApi
{
    public static RouteGroupBuilder MapSubmissionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/papers/submit", SubmitAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenAuthentication.SchemeName })
            .WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Submissions));
        return api;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, PaperSubmissions submissions, CancellationToken cancellationToken)
    {
        SubmissionInput? input = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                input = await http.Request.ReadFromJsonAsync<SubmissionInput>(cancellationToken);
            }
            catch (JsonException)
            {
            }
        }

        var paper = input?.Id ?? input?.Url;
        if (string.IsNullOrWhiteSpace(paper))
        {
            return DailyPapersApi.Error("Send JSON such as {\"id\": \"2506.01234\", \"comment\": \"why it is worth reading\"}; id may be an arXiv URL.");
        }

        var result = await submissions.SubmitAsync(paper, http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, input!.Comment, cancellationToken);
        return result.Succeeded
            ? Results.Json(
                new { id = result.PaperId, day = result.Day?.ToString("yyyy-MM-dd"), source = "curated", url = $"/papers/{result.PaperId}" },
                statusCode: StatusCodes.Status201Created)
            : ApiProblem.Result(SubmissionStatus.Of(result.Failure), result.Message!, ("id", result.PaperId));
    }

    private sealed record SubmissionInput(string? Id, string? Url, string? Comment);
}
