namespace DailyPapers.Core.Ranking;

/// <summary>How far back trending looks: the last day, week (7 days) or month (30 days) of listings.</summary>
public enum TrendingWindow
{
    Day,
    Week,
    Month,
}
