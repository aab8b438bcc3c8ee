using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>One page of arXiv API results, with the OpenSearch counts a caller pages by.</summary>
public sealed record ArxivAtomFeed
{
    public required IReadOnlyList<SourceItem> Items { get; init; }

    /// <summary>How many results the query has in all.</summary>
    public int? TotalResults { get; init; }

    /// <summary>The 0-based index of this page's first result (the request's <c>start</c>).</summary>
    public int? StartIndex { get; init; }

    /// <summary>The page size (the request's <c>max_results</c>).</summary>
    public int? ItemsPerPage { get; init; }
}
