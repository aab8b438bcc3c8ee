using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Pages.Papers;

public sealed class DayModel(PaperQueries queries) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
        if (date is null)
        {
            // No date given: the one holding the latest listings.
            return await Queries.LatestListingDayAsync(cancellationToken) is { } latest
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
