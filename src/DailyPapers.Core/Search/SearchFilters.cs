using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Search;

/// <summary>Restrictions applied on top of a query; the defaults restrict nothing.</summary>
public sealed partial record SearchFilters
{
    public static SearchFilters None { get; } = new();

    /// <summary>First day included (publication date), or null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included, or null for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Any of these arXiv categories (cs.LG), or a whole archive as cs.*; empty for all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Only papers with a code link.</summary>
    public bool HasCode { get; init; }

    /// <summary>Only papers with at least this many votes; null, zero or less restricts nothing.</summary>
    public int? MinVotes { get; init; }

    /// <summary>
    /// Only these papers (the papers of a listing page, searched with <c>?q=</c>), or null for all. Not a user-typed
    /// filter: the page that restricts knows the ids.
    /// </summary>
    public IReadOnlyCollection<string>? PaperIds { get; init; }

    public bool IsEmpty => From is null && To is null && Categories.Count == 0 && !HasCode && MinVotes is not > 0 && PaperIds is null;

    /// <summary>
    /// Why no paper can pass these filters, for the results page; null when some can. Filters that are merely
    /// unusual (a future date, a huge vote count) are not errors: they give empty results that explain themselves.
    /// </summary>
    public string? Validate()
    {
        if (From is { } from && To is { } to && from > to)
        {
            return $"The start date {Day(from)} is after the end date {Day(to)}: nothing can match.";
        }

        foreach (var category in Categories)
        {
            if (category is null || !CategoryPattern().IsMatch(category))
            {
                return $"\"{category}\" is not an arXiv category (such as cs.LG, hep-th or cs.*): nothing can match.";
            }
        }

        return null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Archive (cs, hep-th, q-bio), optional subject class (LG, stat-mech), or the whole archive (cs.*).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z\-]*(\.([A-Za-z][A-Za-z\-]*|\*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
