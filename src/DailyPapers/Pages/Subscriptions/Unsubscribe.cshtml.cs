using DailyPapers.Infrastructure.Digests;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscriptions/unsubscribe?token=…</c>: the link in every email (a page with one button) and the target of the
/// <c>List-Unsubscribe</c> header, which mail clients POST to (RFC 8058 one-click) without a session or antiforgery
/// token; the signed token is the authority. The POST is idempotent: leaving twice answers 200 both times.
/// </summary>
[IgnoreAntiforgeryToken]
[SignedLinkPage]
public sealed class UnsubscribeModel(Infrastructure.Digests.Subscriptions subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    /// <summary>The link was followed for an address that had already left: nothing to ask.</summary>
    public bool AlreadyUnsubscribed { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await subscriptions.ManageAsync(Token, cancellationToken);
        Valid = found is not null;
        Email = found?.Subscription.Email;
        AlreadyUnsubscribed = found?.Subscription.Status == SubscriptionStatus.Unsubscribed;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Valid = Done = await subscriptions.UnsubscribeAsync(Token, cancellationToken);
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
