using System.ComponentModel;
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
            .WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Submissions))
            .WithName("submitPaper").WithTags(OpenApiDocs.SubmissionsTag)
            .WithSummary("Submit a paper to today's curated list")
            .WithDescription("The paper is looked up on arXiv when it is not known here yet. Refusals: not on arXiv (404), already " +
                "submitted (409), too old or hidden (422), the day's submissions used up (429), arXiv unreachable (503).")
            .WithJsonBody<SubmissionInput>("The paper, by its arXiv id or URL, and optionally why it is worth reading.")
            .Produces<SubmittedPaperJson>(StatusCodes.Status201Created)
            .Produces<SubmissionProblemJson>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)
            .Produces<SubmissionProblemJson>(StatusCodes.Status404NotFound, ApiProblem.ContentType)
            .Produces<SubmissionProblemJson>(StatusCodes.Status409Conflict, ApiProblem.ContentType)
            .Produces<SubmissionProblemJson>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)
            .Produces<SubmissionProblemJson>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)
            .Produces<SubmissionProblemJson>(StatusCodes.Status503ServiceUnavailable, ApiProblem.ContentType);
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
                new SubmittedPaperJson(result.PaperId!, result.Day?.ToString("yyyy-MM-dd"), "curated", $"/papers/{result.PaperId}"),
                statusCode: StatusCodes.Status201Created)
            : ApiProblem.Result(SubmissionStatus.Of(result.Failure), result.Message!, ("id", result.PaperId));
    }

    private sealed record SubmissionInput(
        [property: Description("The arXiv id (2506.01234) or an arxiv.org URL.")] string? Id,
        [property: Description("The same, under the name a URL goes by; id wins when both are sent.")] string? Url,
        [property: Description("Why it is worth reading, shown with the submission.")] string? Comment);
}
