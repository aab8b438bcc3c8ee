using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

/// <summary><c>/papers/trending?window=day|week|month</c>: votes decayed with time, the formula on the page.</summary>
[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class TrendingModel(TrendingReader trending) : PageModel
{
    public const int PageSize = 30;

    public TrendingWindow Window { get; private set; } = TrendingWindow.Week;

    public TrendingView? View { get; private set; }

    public int PageIndex { get; private set; }

    public int PageCount => View is null ? 0 : Math.Max(1, (View.Papers.Count + PageSize - 1) / PageSize);

    public IReadOnlyList<ListedPaper> PagePapers =>
        View is null ? [] : [.. View.Papers.Skip(PageIndex * PageSize).Take(PageSize).Select(t => t.Paper)];

    public string? Problem { get; private set; }

    /// <summary>This page's cards; the first page's top paper gets "#1 trending this week".</summary>
    public PaperListView List => new(
        PagePapers, (PageIndex * PageSize) + 1, PageIndex == 0 ? $"#1 trending this {Window.ToString().ToLowerInvariant()}" : null);

    public async Task<IActionResult> OnGetAsync(string? window, CancellationToken cancellationToken)
    {
        // Read by hand: "page" is also the route value naming the Razor page itself.
        var page = Request.Query["page"].FirstOrDefault();
        if (window is not null)
        {
            if (!Trending.TryParse(window, out var chosen))
            {
                return Refuse($"window must be day, week or month, not “{window}”.");
            }

            Window = chosen;
        }

        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 10_000))
        {
            return Refuse("page must be a whole number from 1.");
        }

        PageIndex = number - 1;
        ViewData[FeedLink.ViewDataKey] = new[] { FeedLinks.Trending(Window) };
        View = await trending.ReadAsync(Window, cancellationToken);
        return Page();
    }

    public string Href(TrendingWindow window, int pageIndex = 0) =>
        $"/papers/trending?window={Trending.Key(window)}" + (pageIndex > 0 ? $"&page={pageIndex + 1}" : "");

    /// <summary>A half-life for people: "12 hours", "2 days".</summary>
    public static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
            ? $"{span.TotalDays:0} day{(span.TotalDays == 1 ? "" : "s")}"
            : $"{span.TotalHours:0.#} hour{(span.TotalHours == 1 ? "" : "s")}";

    private PageResult Refuse(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
