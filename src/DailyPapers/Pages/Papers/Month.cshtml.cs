using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class MonthModel(PaperReader reader) : ListingPageModel(reader)
{
    public Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken) =>
        ShowNamedAsync(month, ListingPeriodKind.Month, cancellationToken);
}
