using DailyPapers.Core.Listings;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>The papers listed in a period that a saved-search alert matches: what its mail and its feed carry.</summary>
public static class AlertMatches
{
    /// <summary>
    /// The ids of the period's papers that match the alert's query, categories and minimum of votes: by relevance
    /// when it has a query, most voted first when it has only categories; at most <paramref name="limit"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindAsync(
        PaperSearch search, PaperReader reader, SavedSearchEntity alert, ListingPeriod period, int limit, CancellationToken cancellationToken)
    {
        var listed = await reader.ListedIdsAsync(period, source: null, cancellationToken);
        if (listed.Count == 0)
        {
            return [];
        }

        var categories = alert.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (string.IsNullOrWhiteSpace(alert.Query))
        {
            var found = await reader.FindManyAsync(listed, cancellationToken);
            return [.. found
                .Where(p => categories.Length == 0 || p.Categories.Any(c => categories.Contains(c, StringComparer.OrdinalIgnoreCase)))
                .Where(p => p.Votes >= alert.MinVotes)
                .OrderByDescending(p => p.Votes)
                .Take(limit)
                .Select(p => p.Id)];
        }

        var filters = new SearchFilters { PaperIds = listed.ToHashSet(StringComparer.Ordinal), Categories = categories, MinVotes = alert.MinVotes > 0 ? alert.MinVotes : null };
        var result = search.Search(new PaperSearchRequest(SearchQuery.Parse(alert.Query), filters, SearchSort.Relevance, 0, limit));
        return result.Ids;
    }
}
