using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Pages.Papers;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Pages;

/// <summary>The front page: the latest day with listings, or how to get some.</summary>
public sealed class IndexModel(PaperQueries queries) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await Queries.LatestListingDayAsync(cancellationToken);
        if (latest is null)
        {
            return Page();
        }

        return await ShowAsync(ListingPeriod.Day(latest.Value), cancellationToken);
    }
}
