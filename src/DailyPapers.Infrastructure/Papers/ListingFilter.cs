using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>Which of a period's listed papers a list shows, and in which order.</summary>
public sealed record ListingFilter
{
    public static readonly ListingFilter None = new();

    /// <summary>Only listings from this source (arXiv, Hugging Face, curated here).</summary>
    public ListingSource? Source { get; init; }

    /// <summary>Only papers this handle submitted (a reader here, or the Hugging Face user of an imported listing).</summary>
    public string? Submitter { get; init; }

    /// <summary>Only papers with at least this many votes (imported and local).</summary>
    public int MinVotes { get; init; }

    /// <summary>Only papers in any of these arXiv categories (cs.CL), or whole archives (cs.*); empty for all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Only papers with a code link.</summary>
    public bool HasCode { get; init; }

    public ListingOrder Order { get; init; } = ListingOrder.Votes;

    internal bool HasPaperCondition => MinVotes > 0;

    /// <summary>
    /// The same conditions (not the source) on a paper already read, for lists ranked in memory (trending): its
    /// votes, its first submitter in the period, a category named or under an archive named (cs.* is cs.).
    /// </summary>
    public bool Matches(ListedPaper paper) =>
        paper.Votes >= MinVotes
        && (!HasCode || !string.IsNullOrEmpty(paper.GithubRepo))
        && (Submitter is null || paper.SubmittedBy == Submitter)
        && (Categories.Count == 0 || paper.Categories.Any(c => Categories.Any(wanted => wanted.EndsWith(".*", StringComparison.Ordinal)
            ? c.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase)
            : c.Equals(wanted, StringComparison.OrdinalIgnoreCase))));

    /// <summary>
    /// The LIKE pattern for each category, matched against the space-separated list with a space each side, all in
    /// lower case: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, LOWER makes them agree.
    /// </summary>
    internal IEnumerable<string> CategoryPatterns() => Categories.Select(c =>
        c.EndsWith(".*", StringComparison.Ordinal) ? $"% {c[..^1].ToLowerInvariant()}%" : $"% {c.ToLowerInvariant()} %");
}

public enum ListingOrder
{
    /// <summary>Most voted first, then first listed, as the daily list ranks.</summary>
    Votes,

    /// <summary>Most recently listed first (Hugging Face's <c>sort=publishedAt</c>).</summary>
    Newest,

    /// <summary>The latest listing day first, most voted first within a day: a feed of recent days.</summary>
    DayThenVotes,
}
