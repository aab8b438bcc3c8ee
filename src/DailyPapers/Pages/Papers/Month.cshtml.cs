using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Pages.Papers;

public sealed class MonthModel(PaperQueries queries) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        if (month is null)
        {
            // No month given: the one holding the latest listings.
            return await Queries.LatestListingDayAsync(cancellationToken) is { } latest
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
