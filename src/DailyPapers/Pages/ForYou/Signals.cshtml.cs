using System.Security.Claims;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Pages.Account;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.ForYou;

/// <summary>
/// The posts behind a card's "Save", "Not interested" and "More like this" and the Follow buttons: signed-in readers
/// only, with the antiforgery token of the page they came from. Each answers JSON to <c>/js/signals.js</c>, which
/// updates the card in place, and without script goes back to the page it came from.
/// </summary>
[RateLimited(RateLimitedAttribute.Votes, "Paper")]
[RateLimited(RateLimitedAttribute.Votes, "Follow")]
public sealed class SignalsModel(ReaderCollections collections, ReaderSignals signals, ReaderFollows follows, ForYouRetraining retraining) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/for-you");

    /// <summary>
    /// <paramref name="change"/>: save (to <paramref name="collection"/>, to the collection named
    /// <paramref name="newCollection"/>, made if need be, or to "Saved"), unsave, dismiss, undismiss, pick or unpick.
    /// </summary>
    public async Task<IActionResult> OnPostPaperAsync(
        string? id, string? change, string? collection, string? newCollection, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var paper))
        {
            return Failed(400, $"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.");
        }

        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            return SignIn(returnUrl);
        }

        var slug = string.IsNullOrWhiteSpace(collection) ? null : collection.Trim();
        SignalResult result;
        switch (change)
        {
            case "save" when !string.IsNullOrWhiteSpace(newCollection):
                (slug, result) = await collections.SaveToNamedAsync(user, newCollection, paper, cancellationToken);
                break;
            case "save":
                (slug, result) = await collections.SaveAsync(user, slug, paper, cancellationToken);
                break;
            case "unsave" when slug is not null:
                result = await collections.RemoveAsync(user, slug, paper, cancellationToken);
                break;
            case "dismiss" or "undismiss":
                result = await signals.SetDismissedAsync(user, paper, change == "dismiss", cancellationToken);
                break;
            case "pick" or "unpick":
                result = await signals.SetPickedAsync(user, paper, change == "pick", cancellationToken);
                break;
            default:
                return Failed(400, "change must be save, unsave (with a collection), dismiss, undismiss, pick or unpick.");
        }

        return Answer(result, user, returnUrl, new { id = paper.Value, change, collection = slug });
    }

    /// <summary>Follows (<paramref name="following"/> true) or unfollows an author or a category.</summary>
    public async Task<IActionResult> OnPostFollowAsync(string? kind, string? name, bool following, string? returnUrl, CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            return SignIn(returnUrl);
        }

        FollowKind? followKind = kind switch { "author" => FollowKind.Author, "category" => FollowKind.Category, _ => null };
        if (followKind is null)
        {
            return Failed(400, "kind must be author or category.");
        }

        var result = await follows.SetAsync(user, followKind.Value, name ?? "", following, cancellationToken);
        return Answer(result, user, returnUrl, new { kind, name, following });
    }

    private IActionResult Answer(SignalResult result, string user, string? returnUrl, object done)
    {
        if (!result.Succeeded)
        {
            return Failed(result.Failure switch { SignalFailure.NotFound => 404, SignalFailure.LimitReached => 409, _ => 400 }, result.Message);
        }

        // The list the page refreshes next is ranked with the model this change calls for: start training it now.
        retraining.Queue(user);
        return RateLimits.AcceptsJson(Request) ? new JsonResult(done) : LocalRedirect(ReturnUrl.Safe(returnUrl ?? "/for-you"));
    }

    private IActionResult SignIn(string? returnUrl) =>
        RateLimits.AcceptsJson(Request)
            ? new JsonResult(new { error = "Sign in to save papers and follow authors." }) { StatusCode = StatusCodes.Status401Unauthorized }
            : LocalRedirect($"/account/signin?returnUrl={Uri.EscapeDataString(ReturnUrl.Safe(returnUrl))}");

    private IActionResult Failed(int status, string message) =>
        RateLimits.AcceptsJson(Request)
            ? new JsonResult(new { error = message }) { StatusCode = status }
            : ProblemPage.Show(HttpContext, status, status == 409 ? "Limit reached" : status == 404 ? "Not found" : "Not possible", message, ("Your list", "/for-you"));
}
