namespace DailyPapers.Infrastructure.Papers;

/// <summary>A listing day with a page (a visible paper listed on it), and when its newest listing was made, if known.</summary>
public readonly record struct SitemapDay(DateOnly Day, DateTime? NewestListedAt);
