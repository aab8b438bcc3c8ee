namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// A paper of the Hugging Face days as the recommendation benchmark sees it: its text, its first listing (day, votes,
/// submitter) and the item as served, kept for cutting fixtures.
/// </summary>
public sealed record ListedPaper(
    string Id,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    int Upvotes,
    DateTimeOffset? PublishedAt,
    DateOnly Day,
    string? Submitter,
    string? HfItem)
{
    /// <summary>The Monday of the ISO week the paper was listed in.</summary>
    public DateOnly Week => WeekOf(Day);

    /// <summary>What arxiv-sanity-lite's compute.py feeds its TF-IDF: title, abstract and author names, joined by spaces.</summary>
    public string TfidfText => $"{Title} {Abstract} {string.Join(' ', Authors)}";

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
