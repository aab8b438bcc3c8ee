using DailyPapers.Core.Ranking;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>Trending papers of the listing days <paramref name="First"/> to <paramref name="Last"/>, as of a moment.</summary>
public sealed record TrendingView(DateOnly First, DateOnly Last, DateTimeOffset AsOf, TimeSpan HalfLife, IReadOnlyList<TrendingPaper> Papers);
