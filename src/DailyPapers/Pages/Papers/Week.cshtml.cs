using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Pages.Papers;

public sealed class WeekModel(PaperQueries queries) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken cancellationToken)
    {
        if (week is null)
        {
            // No week given: the one holding the latest listings.
            return await Queries.LatestListingDayAsync(cancellationToken) is { } latest
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
