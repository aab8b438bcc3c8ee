using System.Globalization;
using DailyPapers.Core.Feeds;
using DailyPapers.Core.Search;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Pages.Subscriptions;

/// <summary>
/// <c>/subscriptions/manage?token=…</c>, linked from every email: what to receive and the saved-search alerts, without
/// signing in (the signed token names the subscription). An unsubscribed or paused subscription asks here for a new
/// confirmation email with "Subscribe again" (see <see cref="Infrastructure.Digests.Subscriptions.ResumeAsync"/>).
/// </summary>
[SignedLinkPage]
public sealed class ManageModel(
    Infrastructure.Digests.Subscriptions subscriptions, OutboxTrigger outbox, SubscriptionTokens tokens, TimeProvider clock) : PageModel
{
    public const int MaxAlerts = 20;

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public SubscriptionEntity? Subscription { get; private set; }

    public IReadOnlyList<SavedSearchEntity> Alerts { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>What was typed into the alert form, shown again with an error so nothing has to be retyped.</summary>
    public string? AlertQuery { get; private set; }

    public string? AlertCategories { get; private set; }

    public string? AlertMinVotes { get; private set; }

    /// <summary>The secret address of an alert's feed, in the format asked for.</summary>
    public string AlertFeedHref(SavedSearchEntity alert, FeedFormat format) => AlertFeeds.Path(tokens, alert, Subscription!, format);

    /// <summary>Unsubscribed or paused: nothing is sent, and the page offers to subscribe again.</summary>
    public bool CanResume => Subscription?.Status is SubscriptionStatus.Unsubscribed or SubscriptionStatus.Paused;

    /// <summary>Shows the page; <paramref name="done"/> names what a post just did (posts redirect here, so a reload repeats nothing).</summary>
    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        var page = await ShowAsync(cancellationToken);
        var active = Subscription?.Status == SubscriptionStatus.Confirmed;
        Message = done switch
        {
            "saved" when CanResume => "Saved, but nothing is sent while you are unsubscribed: subscribe again to receive it.",
            "saved" when !active => "Saved. Nothing is sent until you confirm (see the email we sent).",
            "saved" => "Saved.",
            "resumed" => "We sent you an email: open the link in it to subscribe again. Digests and alerts resume from the next one due.",
            "alert-added" => "Alert added: new papers that match are mailed once a day.",
            "alert-removed" => "Alert removed.",
            _ => null,
        };
        return page;
    }

    public async Task<IActionResult> OnPostSaveAsync(bool daily, bool weekly, bool forYouDaily, bool forYouWeekly, CancellationToken cancellationToken) =>
        await subscriptions.ChangeAsync(
            Token,
            (s, _) =>
            {
                (s.Daily, s.Weekly) = (daily, weekly);
                // Only an account's own address gets its list; the form does not offer it to others.
                (s.ForYouDaily, s.ForYouWeekly) = s.UserId is null ? (false, false) : (forYouDaily, forYouWeekly);
                return Task.CompletedTask;
            },
            cancellationToken)
            ? Done("saved")
            : await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        if (!await subscriptions.ResumeAsync(Token, cancellationToken))
        {
            return await ShowAsync(cancellationToken);
        }

        await outbox.NowAsync(cancellationToken);
        return Done("resumed");
    }

    // minVotes arrives as text: bound to an int, "abc" would silently become 0.
    public async Task<IActionResult> OnPostAddAlertAsync(string? query, string? categories, string? minVotes, CancellationToken cancellationToken)
    {
        (AlertQuery, AlertCategories, AlertMinVotes) = (query, categories, minVotes);
        query = query?.Trim() ?? "";
        categories = string.Join(' ', (categories ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        var votesText = minVotes?.Trim() ?? "";
        var votes = 0;
        if (query.Length == 0 && categories.Length == 0)
        {
            Error = "Give a search query, categories, or both.";
        }
        else if (query.Length > 500 || categories.Length > 500)
        {
            Error = "Keep the query and the categories under 500 characters each.";
        }
        else if (query.Length > 0 && SearchQuery.Parse(query).IsEmpty)
        {
            Error = $"The search \"{query}\" has nothing to look for: give words, a \"phrase\", or au:, ti:, cat: followed by a word.";
        }
        else if (new SearchFilters { Categories = categories.Split(' ', StringSplitOptions.RemoveEmptyEntries) }.Validate() is { } categoryProblem)
        {
            Error = categoryProblem.Replace(": nothing can match.", ".", StringComparison.Ordinal);
        }
        else if (votesText.Length > 0 && (!int.TryParse(votesText, NumberStyles.None, CultureInfo.InvariantCulture, out votes) || votes > 100_000))
        {
            Error = $"The minimum of votes must be a whole number from 0 to 100,000 (got \"{minVotes}\").";
        }
        else
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var tooMany = false;
            var found = await subscriptions.ChangeAsync(Token, async (s, context) =>
            {
                if (await context.SavedSearches.CountAsync(a => a.SubscriptionId == s.Id, cancellationToken) >= MaxAlerts)
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
                    MinVotes = votes,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    CoveredUntil = today.AddDays(-1),
                });
            }, cancellationToken);
            if (!found)
            {
                // A link that does not work: the page says so (400) instead of "alert added".
                return await ShowAsync(cancellationToken);
            }

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
        var found = await subscriptions.ChangeAsync(Token, async (s, context) =>
        {
            var alert = await context.SavedSearches.FirstOrDefaultAsync(a => a.Id == alertId && a.SubscriptionId == s.Id, cancellationToken);
            if (alert is not null)
            {
                context.SavedSearches.Remove(alert);
            }
        }, cancellationToken);
        return found ? Done("alert-removed") : await ShowAsync(cancellationToken);
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
