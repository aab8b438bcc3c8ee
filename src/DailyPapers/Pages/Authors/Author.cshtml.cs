using System.Globalization;
using System.Security.Claims;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Authors;

/// <summary>
/// <c>/authors/{name}</c>: an author's papers here, newest first, found as <c>au:"name"</c> finds them (names as arXiv
/// writes them; no identity claims), with a Follow button and the author's feed.
/// </summary>
public sealed class AuthorModel(PaperSearch search, PaperReader reader, ReaderSignalReader signals) : PageModel
{
    public const int PageSize = 30;

    public string Name { get; private set; } = "";

    public IReadOnlyList<ListedPaper> Papers { get; private set; } = [];

    public int Total { get; private set; }

    public int PageIndex { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Null for an anonymous reader; else whether they follow this author.</summary>
    public bool? Following { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        Name = PaperText.SingleLine(name ?? "").Replace("\"", "", StringComparison.Ordinal);
        if (Name.Length is 0 or > ReaderFollows.MaxNameLength)
        {
            return ProblemPage.Show(HttpContext, 400, "Not an author's name", $"An author's name has 1 to {ReaderFollows.MaxNameLength} characters.");
        }

        var page = Request.Query["page"].FirstOrDefault();
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 10_000))
        {
            return ProblemPage.Show(HttpContext, 400, "Malformed page number", "page must be a whole number from 1.");
        }

        PageIndex = number - 1;
        var found = search.Search(new PaperSearchRequest(SearchQuery.Parse($"au:\"{Name}\""), SearchFilters.None, SearchSort.Newest, PageIndex * PageSize, PageSize)
        {
            Mode = SearchMode.Lexical,
        });
        Notice = found.Notice;
        Total = found.Total;
        Papers = await reader.FindManyAsync(found.Ids, cancellationToken);
        if (Total == 0 && found.Notice is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user && await signals.ReadAsync(user, cancellationToken) is { } set)
        {
            var key = AuthorKey.Of(Name);
            Following = set.Follows.Any(f => f.Kind == FollowKind.Author && f.Key == key);
        }

        ViewData["Title"] = $"{Name} – Authors";
        ViewData[FeedLink.ViewDataKey] = new[] { new FeedLink($"Papers by {Name}", $"/feeds/authors/{Uri.EscapeDataString(Name)}") };
        return Page();
    }

    public string Href(int pageIndex) => $"/authors/{Uri.EscapeDataString(Name)}" + (pageIndex > 0 ? $"?page={pageIndex + 1}" : "");
}
