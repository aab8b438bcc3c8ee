using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Ranking;

/// <summary>A paper with its trending score (decayed votes).</summary>
public sealed record TrendingPaper(ListedPaper Paper, double Score);
