using DailyPapers.Infrastructure.Digests;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscriptions/confirm?token=…</c>, the link in the confirmation email: following it confirms a pending request
/// (a signed, 7-day token), then the page offers the preferences. Followed again it changes nothing: it says the
/// subscription is already confirmed, or, once left or paused, that the link is spent.
/// </summary>
[SignedLinkPage]
public sealed class ConfirmModel(Infrastructure.Digests.Subscriptions subscriptions, SubscriptionTokens tokens) : PageModel
{
    public ConfirmOutcome Outcome { get; private set; }

    public string? Email { get; private set; }

    public string? ManageToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var result = await subscriptions.ConfirmAsync(token, cancellationToken);
        Outcome = result.Outcome;
        if (result.Subscription is not { } subscription)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Email = subscription.Email;
        if (Outcome == ConfirmOutcome.NoLongerPending)
        {
            // A spent link: no manage link either, the page offers to subscribe again.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        ManageToken = tokens.Manage(subscription);
        return Page();
    }
}
