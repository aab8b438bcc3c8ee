namespace DailyPapers.Core.Ranking;

/// <summary>The <c>Trending</c> configuration section: each window's half-life, shown on the trending page.</summary>
public sealed class TrendingOptions
{
    public const string Section = "Trending";

    /// <summary>Within a day, a vote from this morning weighs half of one cast now by tonight.</summary>
    public TimeSpan DayHalfLife { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan WeekHalfLife { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan MonthHalfLife { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan HalfLife(TrendingWindow window) => window switch
    {
        TrendingWindow.Day => DayHalfLife,
        TrendingWindow.Week => WeekHalfLife,
        _ => MonthHalfLife,
    };
}
