using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Discussion;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;

namespace DailyPapers.Api;

/// <summary>
/// The write API with personal access tokens: upvote (<c>POST</c>) or take it back (<c>DELETE</c>)
/// <c>/api/papers/{id}/upvote</c>; read and post <c>/api/papers/{id}/comments</c>; edit or delete your own
/// <c>/api/comments/{n}</c>. Old-style ids (<c>hep-th/9901001</c>) have two segments, hence two routes for each.
/// Sign-in cookies do not count here: only a token, which a forged cross-site request cannot carry.
/// </summary>
public static class CommunityApi
{
    private static readonly AuthorizeAttribute TokenOnly = new() { AuthenticationSchemes = AccessTokenAuthentication.SchemeName };

    public static RouteGroupBuilder MapCommunityApi(this RouteGroupBuilder api)
    {
        foreach (var (paper, oldStyle) in new[] { ("/papers/{id}", ""), ("/papers/{archive}/{number}", "OldStyle") })
        {
            api.MapPost(paper + "/upvote", (HttpContext http, PaperVotes votes, CancellationToken ct) => VoteAsync(http, votes, true, ct))
                .RequireAuthorization(TokenOnly).WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Votes))
                .WithName("upvotePaper" + oldStyle).WithTags(OpenApiDocs.CommunityTag)
                .WithSummary("Upvote a paper")
                .WithDescription("Counts this reader's vote (once: voting again changes nothing).")
                .Produces<VoteJson>().ProducesProblems(400, 404);
            api.MapDelete(paper + "/upvote", (HttpContext http, PaperVotes votes, CancellationToken ct) => VoteAsync(http, votes, false, ct))
                .RequireAuthorization(TokenOnly).WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Votes))
                .WithName("withdrawUpvote" + oldStyle).WithTags(OpenApiDocs.CommunityTag)
                .WithSummary("Take an upvote back")
                .Produces<VoteJson>().ProducesProblems(400, 404);
            api.MapGet(paper + "/comments", CommentsAsync)
                .WithName("listComments" + oldStyle).WithTags(OpenApiDocs.CommunityTag)
                .WithSummary("A paper's discussion")
                .WithDescription("Every comment, oldest first, replies by their parentId; deleted ones keep their place without their text.")
                .Produces<List<CommentJson>>().ProducesProblems(400, 404);
            api.MapPost(paper + "/comments", PostCommentAsync)
                .RequireAuthorization(TokenOnly).WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Comments))
                .WithName("postComment" + oldStyle).WithTags(OpenApiDocs.CommunityTag)
                .WithSummary("Comment on a paper, or reply to a comment")
                .WithJsonBody<CommentInput>("The comment in Markdown, and the comment it replies to, if any.")
                .Produces<CommentJson>(StatusCodes.Status201Created).ProducesProblems(400, 404);
        }

        api.MapMethods("/comments/{commentId:long}", ["PATCH", "PUT"], EditCommentAsync)
            .RequireAuthorization(TokenOnly).WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Comments))
            .WithName("editComment").WithTags(OpenApiDocs.CommunityTag)
            .WithSummary("Edit your own comment")
            .WithJsonBody<CommentInput>("The new Markdown text (parentId is ignored).")
            .Produces<CommentEditedJson>().ProducesProblems(400, 403, 404);
        api.MapDelete("/comments/{commentId:long}", DeleteCommentAsync)
            .RequireAuthorization(TokenOnly).WithMetadata(new RateLimitedAttribute(RateLimitedAttribute.Comments))
            .WithName("deleteComment").WithTags(OpenApiDocs.CommunityTag)
            .WithSummary("Delete your own comment")
            .WithDescription("Its replies stay; it keeps its place in the discussion without its text.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(403, 404);
        return api;
    }

    private static async Task<IResult> VoteAsync(HttpContext http, PaperVotes votes, bool voted, CancellationToken cancellationToken)
    {
        if (DailyPapersApi.PaperIdOf(http, out var id) is { } problem)
        {
            return problem;
        }

        var state = await votes.SetAsync(id, UserId(http.User), voted, cancellationToken);
        return state is null
            ? NotFound($"Paper {id} not found")
            : Results.Json(new VoteJson(id.Value, state.Upvotes, state.Voted));
    }

    private static async Task<IResult> CommentsAsync(
        HttpContext http, PaperReader papers, PaperComments comments, RenderedComments markdown, CancellationToken cancellationToken)
    {
        if (DailyPapersApi.PaperIdOf(http, out var id) is { } problem)
        {
            return problem;
        }

        // As GET /api/papers/{id} answers: no discussion of a paper that is not shown (unknown, withdrawn, hidden).
        if (await papers.FindAsync(id, cancellationToken) is null)
        {
            return NotFound($"Paper {id} not found");
        }

        var list = await comments.ListAsync(id, includeHidden: false, cancellationToken);
        return Results.Json(list.Select(c => CommentJson.From(c, markdown)).ToList());
    }

    private static async Task<IResult> PostCommentAsync(HttpContext http, PaperComments comments, RenderedComments markdown, CancellationToken cancellationToken)
    {
        if (DailyPapersApi.PaperIdOf(http, out var id) is { } problem)
        {
            return problem;
        }

        if (await ReadBodyAsync(http, cancellationToken) is not { } input)
        {
            return DailyPapersApi.Error("Send JSON such as {\"body\": \"Markdown text\", \"parentId\": 12} (parentId only for a reply).");
        }

        var result = await comments.AddAsync(id, UserId(http.User), input.ParentId, input.Body ?? "", cancellationToken);
        return await ResultOfAsync(result, comments, id, markdown, StatusCodes.Status201Created, cancellationToken);
    }

    private static async Task<IResult> EditCommentAsync(
        long commentId, HttpContext http, PaperComments comments, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(http, cancellationToken) is not { } input)
        {
            return DailyPapersApi.Error("Send JSON such as {\"body\": \"the new Markdown text\"}.");
        }

        var result = await comments.EditAsync(commentId, UserId(http.User), input.Body ?? "", onPaper: null, cancellationToken);
        return result.Succeeded ? Results.Json(new CommentEditedJson(commentId, true)) : Failure(result);
    }

    private static async Task<IResult> DeleteCommentAsync(long commentId, HttpContext http, PaperComments comments, CancellationToken cancellationToken)
    {
        var result = await comments.DeleteAsync(commentId, UserId(http.User), onPaper: null, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Failure(result);
    }

    private static async Task<IResult> ResultOfAsync(
        CommentResult result, PaperComments comments, ArxivId paper, RenderedComments markdown, int status, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return Failure(result);
        }

        // Null only if a moderator hid the comment in the moment since: it is stored, but no longer shown.
        var posted = (await comments.ListAsync(paper, includeHidden: false, cancellationToken)).FirstOrDefault(c => c.Id == result.Id);
        return posted is null
            ? NotFound($"Paper {paper} not found")
            : Results.Json(CommentJson.From(posted, markdown), statusCode: status);
    }

    private static IResult Failure(CommentResult result) => result.Failure switch
    {
        CommentFailure.NotFound => NotFound(result.Message!),
        CommentFailure.Forbidden => ApiProblem.Result(StatusCodes.Status403Forbidden, result.Message!),
        _ => DailyPapersApi.Error(result.Message!),
    };

    private static async Task<CommentInput?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<CommentInput>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult NotFound(string message) => DailyPapersApi.NotFound(message);

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private sealed record CommentInput(
        [property: Description("The comment in Markdown.")] string? Body,
        [property: Description("The id of the comment this one replies to; none for a new thread.")] long? ParentId);
}
