using System.Security.Claims;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscribe</c>: the box on every page posts here. No antiforgery token: the box sits on cached pages, and a forged
/// post can at most send one confirmation email, which double opt-in makes harmless; posts are rate-limited per address.
/// </summary>
[IgnoreAntiforgeryToken]
[RateLimited(RateLimitedAttribute.Subscriptions)]
public sealed class SubscribeModel(Infrastructure.Digests.Subscriptions subscriptions, OutboxTrigger outbox) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public void OnGet()
    {
        Email ??= User.FindFirstValue(ClaimTypes.Email) ?? (User.Identity?.IsAuthenticated == true ? User.Identity.Name : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Error = await subscriptions.SubscribeAsync(Email, userId, cancellationToken);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Done = Infrastructure.Digests.Subscriptions.CheckInbox(Email!.Trim());
        await outbox.NowAsync(cancellationToken);
        return Page();
    }
}
