using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class WeekModel(PaperReader reader) : ListingPageModel(reader)
{
    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken cancellationToken)
    {
        if (week is null)
        {
            // No week given: the one holding the latest listings.
            return await Reader.LatestListingDayAsync(cancellationToken) is { } latest
                ? Redirect(ListingPeriod.WeekOf(latest).Path)
                : Redirect("/");
        }

        if (!ListingPeriod.TryParseWeek(week, out var period))
        {
            return ProblemPage.Show(HttpContext, 400, "Malformed week", $"\"{week}\" is not {ListingPeriod.WeekFormat}.");
        }

        return await ShowAsync(period, cancellationToken);
    }
}
