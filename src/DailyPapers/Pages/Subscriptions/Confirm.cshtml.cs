using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscriptions/confirm?token=…</c>, the link in the confirmation email: following it confirms (a signed, 7-day
/// token), then the page offers the preferences.
/// </summary>
public sealed class ConfirmModel(Infrastructure.Digests.Subscriptions subscriptions, Infrastructure.Digests.SubscriptionTokens tokens) : PageModel
{
    public string? Email { get; private set; }

    public string? ManageToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ConfirmAsync(token, cancellationToken);
        if (subscription is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Email = subscription.Email;
        ManageToken = tokens.Manage(subscription);
        return Page();
    }
}
