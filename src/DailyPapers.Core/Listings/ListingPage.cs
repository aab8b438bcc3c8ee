namespace DailyPapers.Core.Listings;

/// <summary>One page of a period's ranked papers, with the total so pages can say "24 papers" and paginate.</summary>
public sealed record ListingPage(ListingPeriod Period, IReadOnlyList<ListedPaper> Papers, int Total, int PageIndex, int PageSize)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
