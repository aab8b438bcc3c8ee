using DailyPapers.Core.Search;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages;

/// <summary>
/// /search: ranked results with marked snippets, filters and sort. Never output-cached: results follow the search
/// index, which trails the store by seconds. Malformed parameters (a date that is not YYYY-MM-DD, an unknown sort,
/// a bad page number) answer 400 with this page itself, its form and the message, so the reader can fix them.
/// </summary>
public sealed class SearchModel(PaperSearch search, PaperReader reader) : PageModel
{
    public const int PageSize = 20;

    public SearchParameters Parameters { get; private set; } = null!;

    /// <summary>The parsed query; null when nothing was searched.</summary>
    public ParsedQuery? Query { get; private set; }

    public SearchResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = SearchParameters.Read(Request.Query, PageSize);
        ViewData["Title"] = Parameters.HasQuery ? $"{TitleOf(Parameters.Text)} – Search" : "Search";
        ViewData[SearchBox.QueryKey] = Parameters.Text;
        ViewData[SearchBox.BodyClassKey] = "search-page";
        if (Parameters.Errors.Count > 0)
        {
            // The page, not the generic error page: the status code page leaves a response with a body alone.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!Parameters.HasQuery && !Parameters.HasFilters)
        {
            return Page();
        }

        Query = SearchQuery.Parse(Parameters.Text);
        if (Query.IsEmpty && !Parameters.HasFilters)
        {
            // Only syntax or spaces: listing every paper would answer a question nobody asked; the notice says why.
            return Page();
        }

        var (exportFormat, exportError) = ListExport.Read(Request.Query);
        if (exportError is not null)
        {
            return ProblemPage.Show(HttpContext, 400, "Unknown export format", exportError);
        }

        if (exportFormat is not null)
        {
            // The best results in the search's own order, not one page of them.
            var found = search.Search(new PaperSearchRequest(Query, Parameters.ToFilters(), Parameters.Sort, 0, ListExport.MaxSearchResults));
            return found.Notice == PaperSearch.BusyNotice
                ? ProblemPage.Show(HttpContext, 503, "Search is busy", found.Notice)
                : ListExport.File(await reader.FindManyAsync(found.Ids, cancellationToken), exportFormat, "dailypapers-search");
        }

        ViewData[FeedLink.ViewDataKey] = new[] { FeedLinks.Search(Parameters) };
        Results = await SearchResults.LoadAsync(search, reader, Query, Parameters.ToFilters(), Parameters.Sort,
            Parameters.PageIndex, PageSize, index => Parameters.Href(index), cancellationToken);
        return Page();
    }

    private static string TitleOf(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= 80)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[79]) ? 79 : 80;
        return string.Concat(line.AsSpan(0, cut), "…");
    }
}
