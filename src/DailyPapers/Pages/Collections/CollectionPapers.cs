using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Pages.Collections;

/// <summary>A collection's saved papers as cards, in its order (the page, its export and its feed list the same).</summary>
public static class CollectionPapers
{
    public static async Task<IReadOnlyList<(ListedPaper Paper, SavedPaper Saved)>> ReadAsync(
        PaperReader reader, CollectionContents contents, CancellationToken cancellationToken)
    {
        var papers = (await reader.FindManyAsync([.. contents.Papers.Select(p => p.PaperId)], cancellationToken))
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. contents.Papers.Where(s => papers.ContainsKey(s.PaperId)).Select(s => (papers[s.PaperId], s))];
    }
}
