using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class DayModel(PaperReader reader) : ListingPageModel(reader)
{
    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
        if (date is null)
        {
            // No date given: the one holding the latest listings.
            return await Reader.LatestListingDayAsync(cancellationToken) is { } latest
                ? Redirect(ListingPeriod.Day(latest).Path)
                : Redirect("/");
        }

        if (!ListingPeriod.TryParseDay(date, out var period))
        {
            return ProblemPage.Show(HttpContext, 400, "Malformed date", $"\"{date}\" is not {ListingPeriod.DayFormat}.");
        }

        return await ShowAsync(period, cancellationToken);
    }
}
