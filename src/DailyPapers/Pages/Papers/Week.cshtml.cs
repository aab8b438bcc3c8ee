using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class WeekModel(PaperReader reader, PaperSearch search) : ListingPageModel(reader, search)
{
    public Task<IActionResult> OnGetAsync(string? week, CancellationToken cancellationToken) =>
        ShowNamedAsync(week, ListingPeriodKind.Week, cancellationToken);
}
