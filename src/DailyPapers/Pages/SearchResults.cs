using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using Microsoft.AspNetCore.Html;

namespace DailyPapers.Pages;

/// <summary>One page of search results ready to show (papers read, words marked) and the links to the others.</summary>
public sealed class SearchResults
{
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>How many papers match; exact when only words ranked, an estimate when meaning ranked too.</summary>
    public required int Total { get; init; }

    public required bool IsEstimate { get; init; }

    /// <summary>Why nothing can match, or what the engine searched differently from how it was typed.</summary>
    public required string? Notice { get; init; }

    public required int PageIndex { get; init; }

    public required int PageSize { get; init; }

    /// <summary>The address of another page of the same results (zero-based index).</summary>
    public required Func<int, string> PageHref { get; init; }

    /// <summary>Whether the engine returned a full page, so another may follow.</summary>
    public required bool IsFullPage { get; init; }

    public int FirstNumber => PageIndex * PageSize + 1;

    /// <summary>
    /// The pages worth linking: the total is an estimate, so a page that came back short is the last one whatever
    /// it says, and the engine's offset limit caps the rest.
    /// </summary>
    public int PageCount
    {
        get
        {
            if (!IsFullPage)
            {
                return Hits.Count == 0 ? PageIndex : PageIndex + 1;
            }

            var byTotal = (int)Math.Ceiling(Total / (double)PageSize);
            return Math.Min(Math.Max(byTotal, PageIndex + 1), SearchParameters.MaxPage(PageSize));
        }
    }

    public static async Task<SearchResults> LoadAsync(
        PaperSearch search,
        PaperReader reader,
        ParsedQuery query,
        SearchFilters filters,
        SearchSort sort,
        int pageIndex,
        int pageSize,
        Func<int, string> pageHref,
        CancellationToken cancellationToken)
    {
        var found = search.Search(new PaperSearchRequest(query, filters, sort, pageIndex * pageSize, pageSize));
        var papers = await reader.FindManyAsync(found.Ids, cancellationToken);
        var lexical = search.Lexical;
        var hits = papers
            .Select(paper => new SearchHit(
                paper,
                Html(lexical.Highlight(paper.Title, query, SnippetField.Title)),
                Html(lexical.Highlight(paper.Abstract, query, SnippetField.Abstract))))
            .ToList();
        return new SearchResults
        {
            Hits = hits,
            Total = found.Total,
            IsEstimate = found.Mode != SearchMode.Lexical,
            Notice = found.Notice,
            PageIndex = pageIndex,
            PageSize = pageSize,
            PageHref = pageHref,
            IsFullPage = found.Ids.Count >= pageSize,
        };
    }

    private static HtmlString? Html(string? marked) => marked is null ? null : new HtmlString(marked);
}
