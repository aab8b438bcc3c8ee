using System.Security.Claims;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Pages.Account;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

/// <summary>
/// A paper's page: its metadata, similar papers, the upvote button and the discussion. The posts (vote, comment,
/// edit, delete, and a moderator's hide/restore) are handlers of this page, so a failed one re-renders it with the
/// message beside the form; the vote also answers JSON to the page's script, which updates the button in place.
/// </summary>
[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
[RateLimited(RateLimitedAttribute.Votes, "Vote")]
[RateLimited(RateLimitedAttribute.Comments, "Comment")]
[RateLimited(RateLimitedAttribute.Comments, "Edit")]
[RateLimited(RateLimitedAttribute.Comments, "Delete")]
public sealed class PaperModel(
    PaperReader reader, PaperSearch search, PaperVotes votes, PaperComments comments, PaperSubmissions submissions, PaperModeration moderation)
    : PageModel
{
    public const int SimilarCount = 8;

    public ListedPaper? Paper { get; private set; }

    /// <summary>
    /// Nearest papers by meaning (by title words until this one is embedded). Cached with the page: a paper imported
    /// seconds before the page was cached may be missing from it until the store next changes.
    /// </summary>
    public IReadOnlyList<ListedPaper> Similar { get; private set; } = [];

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    public bool Voted { get; private set; }

    /// <summary>Readers who featured it on a day's list, with what they said.</summary>
    public IReadOnlyList<SubmissionView> Submissions { get; private set; } = [];

    public bool IsModerator => User.IsInRole(AccountServiceCollectionExtensions.AdminRole);

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Why the last comment post was refused, shown above the form it came from.</summary>
    public string? CommentError { get; private set; }

    /// <summary>The text of a refused comment, given back so nothing typed is lost.</summary>
    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public long? ParentId { get; set; }

    [BindProperty]
    public long? CommentId { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var arxivId, out var version))
        {
            if (ArxivId.HasIdShape(id))
            {
                return ProblemPage.Show(HttpContext, 404, "Paper not found", $"arXiv has no paper {id}: its year and month do not exist.", ("Latest papers", "/"));
            }

            return ProblemPage.Show(HttpContext, 400, "Malformed paper id", $"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.");
        }

        if (version is not null || arxivId.Value != id)
        {
            // One address per paper: versions and URL forms go to the canonical page.
            return RedirectPermanent($"/papers/{arxivId}");
        }

        return await ShowAsync(arxivId, cancellationToken);
    }

    /// <summary>Casts (<paramref name="voted"/> true) or takes back the reader's upvote.</summary>
    public async Task<IActionResult> OnPostVoteAsync(string? id, bool voted, string? returnUrl, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper) is { } refused)
        {
            return refused;
        }

        var state = await votes.SetAsync(paper, UserId!, voted, cancellationToken);
        if (state is null)
        {
            return NotThere(paper);
        }

        return RateLimits.AcceptsJson(Request)
            ? new JsonResult(new { id = paper.Value, upvotes = state.Upvotes, voted = state.Voted })
            : LocalRedirect(ReturnUrl.Safe(returnUrl ?? $"/papers/{paper}"));
    }

    public async Task<IActionResult> OnPostCommentAsync(string? id, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper) is { } refused)
        {
            return refused;
        }

        var result = await comments.AddAsync(paper, UserId!, ParentId, Body ?? "", cancellationToken);
        return await AfterAsync(paper, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostEditAsync(string? id, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper) is { } refused)
        {
            return refused;
        }

        var result = await comments.EditAsync(CommentId ?? 0, UserId!, Body ?? "", paper, cancellationToken);
        return await AfterAsync(paper, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? id, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper) is { } refused)
        {
            return refused;
        }

        var result = await comments.DeleteAsync(CommentId ?? 0, UserId!, paper, cancellationToken);
        Body = null;
        return await AfterAsync(paper, result, cancellationToken);
    }

    /// <summary>A moderator hides or restores a comment.</summary>
    public async Task<IActionResult> OnPostModerateCommentAsync(string? id, bool hidden, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper, moderatorOnly: true) is { } refused)
        {
            return refused;
        }

        var result = await comments.SetHiddenAsync(CommentId ?? 0, hidden, paper, cancellationToken);
        Body = null;
        return await AfterAsync(paper, result, cancellationToken);
    }

    /// <summary>A moderator hides or restores the paper itself.</summary>
    public async Task<IActionResult> OnPostModeratePaperAsync(string? id, bool hidden, CancellationToken cancellationToken)
    {
        if (Refuse(id, out var paper, moderatorOnly: true) is { } refused)
        {
            return refused;
        }

        return await moderation.SetHiddenAsync(paper, hidden, cancellationToken)
            ? LocalRedirect($"/papers/{paper}")
            : NotThere(paper);
    }

    private async Task<IActionResult> ShowAsync(ArxivId arxivId, CancellationToken cancellationToken)
    {
        Paper = await reader.FindAsync(arxivId, cancellationToken, includeHidden: IsModerator);
        if (Paper is null)
        {
            return NotThere(arxivId);
        }

        Similar = await reader.FindManyAsync(search.Similar(Paper.Id, Paper.Title, SimilarCount), cancellationToken);
        Comments = await comments.ListAsync(arxivId, includeHidden: IsModerator, cancellationToken);
        Submissions = await submissions.ForPaperAsync(arxivId, cancellationToken);
        if (UserId is { } user)
        {
            Voted = (await votes.VotedAmongAsync(user, [Paper.Id], cancellationToken)).Contains(Paper.Id);
        }

        return Page();
    }

    private async Task<IActionResult> AfterAsync(ArxivId paper, CommentResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return LocalRedirect($"/papers/{paper}#comment-{result.Id}");
        }

        CommentError = result.Message;
        var page = await ShowAsync(paper, cancellationToken);
        if (page is PageResult)
        {
            Response.StatusCode = result.Failure switch
            {
                CommentFailure.NotFound => StatusCodes.Status404NotFound,
                CommentFailure.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
        }

        return page;
    }

    /// <summary>The answer for a post that cannot go ahead (bad id, not signed in, not a moderator), or null.</summary>
    private IActionResult? Refuse(string? id, out ArxivId paper, bool moderatorOnly = false)
    {
        if (!ArxivId.TryParse(id, out paper))
        {
            return ProblemPage.Show(HttpContext, 400, "Malformed paper id", $"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.");
        }

        if (UserId is null)
        {
            return RateLimits.AcceptsJson(Request)
                ? new JsonResult(new { error = "Sign in to vote or comment." }) { StatusCode = StatusCodes.Status401Unauthorized }
                : LocalRedirect($"/account/signin?returnUrl={Uri.EscapeDataString($"/papers/{paper}")}");
        }

        if (moderatorOnly && !IsModerator)
        {
            return ProblemPage.Show(HttpContext, 403, "Moderators only", "Only moderators can hide or restore papers and comments.");
        }

        return null;
    }

    private StatusCodeResult NotThere(ArxivId arxivId) =>
        ProblemPage.Show(HttpContext, 404, "Paper not found", $"There is no paper {arxivId} in this instance yet.",
            ($"{arxivId} on arXiv", $"https://arxiv.org/abs/{arxivId}"), ("Latest papers", "/"));
}
