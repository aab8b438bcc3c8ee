using System.Security.Claims;
using DailyPapers.Core.Ranking;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.ForYou;

/// <summary>
/// <c>/for-you</c>: the recent papers ranked for the signed-in reader, each with why; the stretch of days and the
/// blend of their own model and trending are theirs to set, and remembered. A reader with nothing to go on is sent to
/// set up their feed first; anonymous readers see trending and an invitation. Never output-cached (it is personal).
/// </summary>
public sealed class IndexModel(ForYouRanker ranker, TrendingReader trending, ReaderSignals signals, PersonalFeeds feeds) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The blend presets: how much of the list is the reader's own model (the rest is trending).</summary>
    public static readonly (int Weight, string Label)[] Blends = [(100, "Mine only"), (80, "Mostly mine"), (50, "Half and half"), (20, "Mostly trending")];

    public ForYouList? List { get; private set; }

    /// <summary>For anonymous readers: the week's trending papers.</summary>
    public IReadOnlyList<Core.Listings.ListedPaper> Trending { get; private set; } = [];

    public PaperListView Cards => List is null
        ? new PaperListView(Trending, 1, null)
        : new PaperListView([.. List.Papers.Select(p => p.Paper)], 1, null)
        {
            Reasons = List.Papers.ToDictionary(p => p.Paper.Id, p => p.Reason, StringComparer.Ordinal),
            OffersMoreLikeThis = true,
        };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            Trending = [.. (await trending.ReadAsync(TrendingWindow.Week, cancellationToken)).Papers.Take(PageSize).Select(t => t.Paper)];
            return Page();
        }

        List = await ranker.RankAsync(user, PageSize, cancellationToken);
        if (List is null)
        {
            return LocalRedirect("/account/signin?returnUrl=%2Ffor-you");
        }

        if (List.IsCold && Request.Query["skip-setup"].Count == 0)
        {
            return LocalRedirect("/for-you/setup");
        }

        // The reader's own feed, at its secret address: offered at the foot of the list like every list's feed.
        var token = await feeds.TokenAsync(user, reset: false, cancellationToken);
        ViewData[FeedLink.ViewDataKey] = new[] { new FeedLink("your list (a private address: keep it to yourself)", $"/feeds/for-you/{token}") };
        return Page();
    }

    /// <summary>A new secret feed address; the old one stops working.</summary>
    public async Task<IActionResult> OnPostResetFeedAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user)
        {
            await feeds.TokenAsync(user, reset: true, cancellationToken);
        }

        return LocalRedirect("/for-you");
    }

    /// <summary>Remembers the stretch of days and the blend.</summary>
    public async Task<IActionResult> OnPostSettingsAsync(int days, int weight, CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            return LocalRedirect("/account/signin?returnUrl=%2Ffor-you");
        }

        var result = await signals.SetForYouAsync(user, days, weight, cancellationToken);
        return result.Succeeded
            ? LocalRedirect("/for-you")
            : ProblemPage.Show(HttpContext, 400, "Not a setting", result.Message, ("Your list", "/for-you"));
    }
}
