using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Pages.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages;

/// <summary>The front page: the latest day with listings, or how to get some.</summary>
[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class IndexModel(PaperReader reader, PaperSearch search) : ListingPageModel(reader, search)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await Reader.LatestListingDayAsync(cancellationToken);
        if (latest is null)
        {
            return Page();
        }

        return await ShowAsync(ListingPeriod.Day(latest.Value), cancellationToken);
    }
}
