using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class MonthModel(PaperReader reader) : ListingPageModel(reader)
{
    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        if (month is null)
        {
            // No month given: the one holding the latest listings.
            return await Reader.LatestListingDayAsync(cancellationToken) is { } latest
                ? Redirect(ListingPeriod.MonthOf(latest).Path)
                : Redirect("/");
        }

        if (!ListingPeriod.TryParseMonth(month, out var period))
        {
            return ProblemPage.Show(HttpContext, 400, "Malformed month", $"\"{month}\" is not {ListingPeriod.MonthFormat}.");
        }

        return await ShowAsync(period, cancellationToken);
    }
}
