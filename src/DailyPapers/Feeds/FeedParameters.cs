using DailyPapers.Api;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Search;

namespace DailyPapers.Feeds;

/// <summary>
/// The parameters every feed takes: <c>min_votes</c>, <c>cat</c> (repeated or comma separated; <c>cs.*</c> for an
/// archive), <c>code=on</c> and <c>limit</c>. Unknown parameters are ignored, as the API ignores them.
/// </summary>
public sealed record FeedParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxCategories = 20;

    private static readonly char[] CategorySeparators = [',', ' ', ';', '+'];

    public int MinVotes { get; private init; }

    public IReadOnlyList<string> Categories { get; private init; } = [];

    public bool HasCode { get; private init; }

    public int Limit { get; private init; } = DefaultLimit;

    /// <summary>The parameters <see cref="Read"/> takes, for the OpenAPI document.</summary>
    public static IReadOnlyList<QueryParameterDoc> Documented { get; } =
    [
        QueryParameterDoc.WholeNumber("min_votes", "Only papers with at least this many votes.", 0),
        new("cat", $"Only papers in one of these arXiv categories (cs.CL) or archives (cs.*), at most {MaxCategories}; repeated or comma separated.")
        {
            Repeatable = true,
            Example = "cs.CL",
        },
        QueryParameterDoc.OneOf("code", "on (or true, 1): only papers with a code repository.", "on", "off"),
        QueryParameterDoc.WholeNumber("limit", "Papers in the feed.", 1, MaxLimit, DefaultLimit),
    ];

    /// <summary>The parameters, or the message of a 400 naming the first malformed one.</summary>
    public static (FeedParameters? Parameters, string? Error) Read(IQueryCollection query)
    {
        if (!DailyPapersApi.TryReadInt(query["min_votes"], 0, 0, int.MaxValue, out var minVotes))
        {
            return (null, "min_votes must be a whole number from 0.");
        }

        if (!DailyPapersApi.TryReadInt(query["limit"], DefaultLimit, 1, MaxLimit, out var limit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        List<string> categories = [.. query["cat"].SelectMany(v => (v ?? "").Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        if (categories.Count > MaxCategories)
        {
            return (null, $"cat takes at most {MaxCategories} categories; this one names {categories.Count}.");
        }

        if (new SearchFilters { Categories = categories }.Validate() is { } categoryProblem)
        {
            return (null, $"cat: {categoryProblem}");
        }

        // As on the search page: a checkbox sends "on"; true and 1 mean on too; off, false and 0 mean off.
        var code = query["code"].ToString().Trim().ToLowerInvariant();
        return (new FeedParameters
        {
            MinVotes = minVotes,
            Limit = limit,
            Categories = categories,
            HasCode = code.Length > 0 && code is not ("off" or "false" or "0"),
        }, null);
    }

    /// <summary>These parameters with one more category (a category feed's own).</summary>
    public FeedParameters WithCategory(string category) =>
        this with { Categories = [.. Categories.Append(category).Distinct(StringComparer.OrdinalIgnoreCase)] };

    /// <summary>Whether a paper passes these filters: for a list filtered in memory (a collection), as SQL filters others.</summary>
    public bool Admits(ListedPaper paper) =>
        paper.Votes >= MinVotes
        && (!HasCode || paper.GithubRepo is not null)
        && (Categories.Count == 0 || paper.Categories.Any(c => Categories.Any(wanted => wanted.EndsWith(".*", StringComparison.Ordinal)
            ? c.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase)
            : c.Equals(wanted, StringComparison.OrdinalIgnoreCase))));
}
