using DailyPapers.Infrastructure.Digests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscriptions/manage?token=…</c>, linked from every email: what to receive and the saved-search alerts, without
/// signing in (the signed token names the subscription).
/// </summary>
public sealed class ManageModel(Infrastructure.Digests.Subscriptions subscriptions, TimeProvider clock) : PageModel
{
    public const int MaxAlerts = 20;

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public SubscriptionEntity? Subscription { get; private set; }

    public IReadOnlyList<SavedSearchEntity> Alerts { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Shows the page; <paramref name="done"/> names what a post just did (posts redirect here, so a reload repeats nothing).</summary>
    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done switch
        {
            "saved" => "Saved.",
            "alert-added" => "Alert added: new papers that match are mailed once a day.",
            "alert-removed" => "Alert removed.",
            _ => null,
        };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(bool daily, bool weekly, CancellationToken cancellationToken) =>
        await subscriptions.ChangeAsync(Token, (s, _) => (s.Daily, s.Weekly) = (daily, weekly), cancellationToken)
            ? Done("saved")
            : await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAlertAsync(string? query, string? categories, int minVotes, CancellationToken cancellationToken)
    {
        query = query?.Trim() ?? "";
        categories = string.Join(' ', (categories ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        if (query.Length == 0 && categories.Length == 0)
        {
            Error = "Give a search query, categories, or both.";
        }
        else if (query.Length > 500 || categories.Length > 500)
        {
            Error = "Keep the query and the categories under 500 characters each.";
        }
        else if (minVotes is < 0 or > 100_000)
        {
            Error = "The minimum of votes must be a whole number from 0.";
        }
        else
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var tooMany = false;
            await subscriptions.ChangeAsync(Token, (s, context) =>
            {
                if (context.SavedSearches.Count(a => a.SubscriptionId == s.Id) >= MaxAlerts)
                {
                    tooMany = true;
                    return;
                }

                // New papers from today on: an alert does not mail the archive.
                context.SavedSearches.Add(new SavedSearchEntity
                {
                    SubscriptionId = s.Id,
                    Query = query,
                    Categories = categories,
                    MinVotes = minVotes,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    CoveredUntil = today.AddDays(-1),
                });
            }, cancellationToken);
            if (!tooMany)
            {
                return Done("alert-added");
            }

            Error = $"A subscription can have at most {MaxAlerts} alerts.";
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAlertAsync(long alertId, CancellationToken cancellationToken)
    {
        await subscriptions.ChangeAsync(Token, (s, context) =>
        {
            var alert = context.SavedSearches.FirstOrDefault(a => a.Id == alertId && a.SubscriptionId == s.Id);
            if (alert is not null)
            {
                context.SavedSearches.Remove(alert);
            }
        }, cancellationToken);
        return Done("alert-removed");
    }

    private RedirectToPageResult Done(string what) => RedirectToPage(new { token = Token, done = what });

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await subscriptions.ManageAsync(Token, cancellationToken) is not { } found)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        (Subscription, Alerts) = found;
        return Page();
    }
}
