using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class MonthModel(PaperReader reader, PaperSearch search) : ListingPageModel(reader, search)
{
    public Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken) =>
        ShowNamedAsync(month, ListingPeriodKind.Month, cancellationToken);
}
