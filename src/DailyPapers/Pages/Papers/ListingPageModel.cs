using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Papers;

/// <summary>
/// What the day, week and month pages share: parse the period, rank its papers, link to neighbours; with ?q=,
/// search within the period's papers instead (as Hugging Face's daily page does), ranked by relevance.
/// </summary>
public abstract class ListingPageModel(PaperReader reader, PaperSearch search) : PageModel
{
    public const int PageSize = 50;

    public ListingPage? Listing { get; private set; }

    /// <summary>
    /// "#1 paper of the day" (week, month) over the first card of the whole period's ranking, when it has votes; none
    /// on later pages, per source, or in search results.
    /// </summary>
    public string? TopBadge =>
        Listing is { PageIndex: 0, Papers: [{ Votes: > 0 }, ..] } listing && Source is null && SearchText is null
            ? $"#1 paper of the {listing.Period.Kind.ToString().ToLowerInvariant()}"
            : null;

    public ListingSource? Source { get; private set; }

    public string? PreviousHref { get; private set; }

    public string? PreviousLabel { get; private set; }

    public string? NextHref { get; private set; }

    public string? NextLabel { get; private set; }

    /// <summary>The query searched within the period (?q=), as typed; null when the page lists the period.</summary>
    public string? SearchText { get; private set; }

    /// <summary>The parsed <see cref="SearchText"/>, for its notice.</summary>
    public ParsedQuery? SearchQueryParsed { get; private set; }

    public SearchResults? SearchResults { get; private set; }

    /// <summary>The source filter as it appears in the URL (hf, arxiv, curated), or null for all.</summary>
    public string? SourceKey => Source?.ToString().ToLowerInvariant();

    protected PaperReader Reader => reader;

    public string PageHref(int pageIndex)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (SearchText is not null) pairs.Add(new("q", SearchText));
        if (SourceKey is not null) pairs.Add(new("source", SourceKey));
        pairs.Add(new("page", (pageIndex + 1).ToString(CultureInfo.InvariantCulture)));
        return QueryString.Create(pairs).ToString();
    }

    /// <summary>Shows the period the URL names, or redirects to the latest one when it names none.</summary>
    protected async Task<IActionResult> ShowNamedAsync(string? name, ListingPeriodKind kind, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return await Reader.LatestListingDayAsync(cancellationToken) is { } latest
                ? Redirect(ListingPeriod.Of(kind, latest).Path)
                : Redirect("/");
        }

        if (!ListingPeriod.TryParse(kind, name, out var period))
        {
            var noun = kind == ListingPeriodKind.Day ? "date" : kind.ToString().ToLowerInvariant();
            return ProblemPage.Show(HttpContext, 400, $"Malformed {noun}", $"\"{name}\" is not {ListingPeriod.FormatOf(kind)}.");
        }

        return await ShowAsync(period, cancellationToken);
    }

    /// <summary>Shows the period, or the page that says why it can't (bad source or page number, empty period).</summary>
    protected async Task<IActionResult> ShowAsync(ListingPeriod period, CancellationToken cancellationToken)
    {
        var sourceText = Request.Query["source"].ToString();
        if (sourceText.Length > 0)
        {
            if (!Enum.TryParse<ListingSource>(sourceText, ignoreCase: true, out var source) || !Enum.IsDefined(source) || int.TryParse(sourceText, out _))
            {
                return ProblemPage.Show(HttpContext, 400, "Unknown source", $"\"{sourceText}\" is not a source; expected arxiv, hf or curated.");
            }

            Source = source;
        }

        ViewData[FeedLink.ViewDataKey] = new[] { FeedLinks.Daily(Source) };

        var pageText = Request.Query["page"].ToString();
        var pageNumber = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > 100_000))
        {
            return ProblemPage.Show(HttpContext, 400, "Bad page number", $"\"{pageText}\" is not a page number; expected a whole number from 1.");
        }

        var searchText = Request.Query["q"].ToString();
        var searching = !string.IsNullOrWhiteSpace(searchText);
        var (exportFormat, exportError) = ListExport.Read(Request.Query);
        if (exportError is not null)
        {
            return ProblemPage.Show(HttpContext, 400, "Unknown export format", exportError);
        }

        if (exportFormat is not null)
        {
            return await ExportAsync(period, exportFormat, searching ? searchText : null, cancellationToken);
        }

        // Searching, the page number is the results' and the listing is read only for its header and neighbours.
        var view = await reader.ListAsync(period, Source, searching ? 0 : pageNumber - 1, PageSize, withNeighbours: true, cancellationToken);
        Listing = view.Page;
        LinkNeighbours(view);
        ViewData["Title"] = period.Title;

        if (Listing.Total == 0 && Source is null)
        {
            var links = new List<(string, string)>();
            if (PreviousHref is not null) links.Add(($"← {PreviousLabel}", PreviousHref));
            if (NextHref is not null) links.Add(($"{NextLabel} →", NextHref));
            links.Add(("Latest papers", "/"));
            return ProblemPage.Show(HttpContext, 404, $"No papers for {period.Title}",
                "Nothing was listed in this period. The nearest periods with papers are linked below.", [.. links]);
        }

        if (searching)
        {
            if (pageNumber > SearchParameters.MaxPage(PageSize))
            {
                return ProblemPage.Show(HttpContext, 400, "Bad page number", $"Search results have at most {SearchParameters.MaxPage(PageSize)} pages.");
            }

            SearchText = searchText;
            SearchQueryParsed = SearchQuery.Parse(searchText);
            ViewData["Title"] = $"{PaperText.Snippet(searchText, 60)} in {period.Title}";
            var ids = await reader.ListedIdsAsync(period, Source, cancellationToken);
            SearchResults = await Pages.SearchResults.LoadAsync(search, reader, SearchQueryParsed, new SearchFilters { PaperIds = ids },
                SearchSort.Relevance, pageNumber - 1, PageSize, PageHref, cancellationToken);
            return Page();
        }

        if (Listing.Total > 0 && Listing.Papers.Count == 0)
        {
            return ProblemPage.Show(HttpContext, 404, "No such page", $"This period has {Listing.PageCount} page(s) of papers.", ("First page", period.Path));
        }

        return Page();
    }

    /// <summary>The whole period (or, with a query, its best results) as a file in the format asked for.</summary>
    private async Task<IActionResult> ExportAsync(ListingPeriod period, string format, string? searchText, CancellationToken cancellationToken)
    {
        var name = $"dailypapers-{period.Key}" + (SourceKey is null ? "" : "-" + SourceKey);
        if (searchText is not null)
        {
            var ids = await reader.ListedIdsAsync(period, Source, cancellationToken);
            var found = search.Search(new PaperSearchRequest(
                SearchQuery.Parse(searchText), new SearchFilters { PaperIds = ids }, SearchSort.Relevance, 0, ListExport.MaxSearchResults));
            return found.Notice == PaperSearch.BusyNotice
                ? ProblemPage.Show(HttpContext, 503, "Search is busy", found.Notice)
                : ListExport.File(await reader.FindManyAsync(found.Ids, cancellationToken), format, name + "-search");
        }

        var view = await reader.ListAsync(period, Source, 0, ListExport.MaxPapers, withNeighbours: false, cancellationToken);
        return view.Page.Total == 0
            ? ProblemPage.Show(HttpContext, 404, $"No papers for {period.Title}", "Nothing was listed in this period.", ("Latest papers", "/"))
            : ListExport.File(view.Page.Papers, format, name);
    }

    private void LinkNeighbours(ListingView view)
    {
        // Days skip to the nearest day with listings (arXiv announces on weekdays only); weeks and months step by one.
        var period = view.Page.Period;
        if (period.Kind == ListingPeriodKind.Day)
        {
            (PreviousHref, PreviousLabel) = view.PreviousDay is { } p ? (ListingPeriod.Day(p).Path, p.ToString("MMM d", CultureInfo.InvariantCulture)) : (null, null);
            (NextHref, NextLabel) = view.NextDay is { } n ? (ListingPeriod.Day(n).Path, n.ToString("MMM d", CultureInfo.InvariantCulture)) : (null, null);
            return;
        }

        var before = period.Previous();
        var after = period.Next();
        (PreviousHref, PreviousLabel) = view.PreviousDay is not null ? (before.Path, before.Key) : (null, null);
        (NextHref, NextLabel) = view.NextDay is not null ? (after.Path, after.Key) : (null, null);
    }
}
