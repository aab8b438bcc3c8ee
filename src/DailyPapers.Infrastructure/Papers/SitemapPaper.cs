namespace DailyPapers.Infrastructure.Papers;

/// <summary>A visible paper in a sitemap file: its id and when its newest version came out (else its first), if known.</summary>
public readonly record struct SitemapPaper(string Id, DateTime? LastModified);
