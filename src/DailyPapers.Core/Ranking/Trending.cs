using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Ranking;

/// <summary>
/// Trending: votes decayed exponentially with age, <c>score = votes × 0.5^(age / half-life)</c>, so a vote loses
/// half its weight every half-life. Imported votes carry no time of their own: they count from the moment their
/// paper was listed. Only papers listed within the window take part.
/// </summary>
public static class Trending
{
    public static int Days(TrendingWindow window) => window switch
    {
        TrendingWindow.Day => 1,
        TrendingWindow.Week => 7,
        _ => 30,
    };

    public static string Key(TrendingWindow window) => window.ToString().ToLowerInvariant();

    /// <summary>day, week or month (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out TrendingWindow window)
    {
        foreach (var candidate in Enum.GetValues<TrendingWindow>())
        {
            if (string.Equals(text, Key(candidate), StringComparison.OrdinalIgnoreCase))
            {
                window = candidate;
                return true;
            }
        }

        window = TrendingWindow.Week;
        return false;
    }

    /// <summary>The decayed weight of <paramref name="votes"/> cast at <paramref name="castAt"/>, seen at <paramref name="asOf"/>.</summary>
    public static double Score(int votes, DateTimeOffset castAt, DateTimeOffset asOf, TimeSpan halfLife)
    {
        if (votes <= 0)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        // A vote from the future (clock skew between nodes) counts as cast now, never more.
        var age = Math.Max(0, (asOf - castAt).TotalHours);
        return votes * Math.Pow(0.5, age / halfLife.TotalHours);
    }

    /// <summary>
    /// The moment trending is computed for: now, or the end of the latest listing day when the store holds nothing
    /// newer (an archive, or an instance whose harvest stopped), so its last days still show what was trending.
    /// </summary>
    public static DateTimeOffset AsOf(DateTimeOffset now, DateOnly? latestListingDay)
    {
        if (latestListingDay is not { } latest)
        {
            return now;
        }

        var endOfLatest = new DateTimeOffset(latest.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return endOfLatest < now ? endOfLatest : now;
    }

    /// <summary>The listing days a window covers when seen at <paramref name="asOf"/>: the last N days up to it.</summary>
    public static (DateOnly First, DateOnly Last) Days(TrendingWindow window, DateTimeOffset asOf)
    {
        var last = DateOnly.FromDateTime(asOf.UtcDateTime.AddTicks(-1));
        return (last.AddDays(1 - Days(window)), last);
    }

    /// <summary>
    /// The papers by decayed score, best first; equal scores by votes, then id. Votes cast on this instance
    /// (<paramref name="localVotes"/>, by paper id) decay from the moment each was cast, and count only once cast by
    /// <paramref name="asOf"/>; the sources' imported votes carry no time, so they count from the first time the paper
    /// was listed in the window (its listing time, else the start of its listing day).
    /// </summary>
    public static IReadOnlyList<TrendingPaper> Rank(
        IEnumerable<ListedPaper> papers,
        DateTimeOffset asOf,
        TimeSpan halfLife,
        IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>? localVotes = null) =>
        [.. papers
            .Select(paper =>
            {
                var local = localVotes?.GetValueOrDefault(paper.Id) ?? [];
                var score = Score(paper.Votes - local.Count, CastAt(paper), asOf, halfLife)
                    + local.Where(cast => cast <= asOf).Sum(cast => Score(1, cast, asOf, halfLife));
                return new TrendingPaper(paper, score);
            })
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.Paper.Votes)
            .ThenBy(t => t.Paper.Id, StringComparer.Ordinal)];

    private static DateTimeOffset CastAt(ListedPaper paper) =>
        paper.ListedAt
        ?? (paper.ListedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue);
}
