using DailyPapers.Core.Search;

namespace DailyPapers.Infrastructure.Search;

/// <summary>One search: the parsed query, filters, order and the page of results wanted.</summary>
public sealed record PaperSearchRequest(ParsedQuery Query, SearchFilters Filters, SearchSort Sort, int Offset, int Limit)
{
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;
}
