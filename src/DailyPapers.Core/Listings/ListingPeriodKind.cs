namespace DailyPapers.Core.Listings;

public enum ListingPeriodKind
{
    Day = 0,
    Week = 1,
    Month = 2,
}
