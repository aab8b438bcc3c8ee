using DailyPapers.Core.Listings;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>A page of a period's ranked papers and the nearest days with listings before and after the period.</summary>
public sealed record ListingView(ListingPage Page, DateOnly? PreviousDay, DateOnly? NextDay);
