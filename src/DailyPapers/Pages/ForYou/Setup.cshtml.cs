using System.Security.Claims;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Signals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DailyPapers.Pages.ForYou;

/// <summary>
/// <c>/for-you/setup</c>: "set up your feed" — categories to follow, authors to follow, and a few papers the reader
/// likes (pasted arXiv ids, or ticked in a search). Three picks make a useful first list. Whatever is refused (an
/// author the site has no paper by, an id it does not have) is said beside the field, and the rest is kept.
/// </summary>
[Authorize]
public sealed class SetupModel(
    ReaderSignalReader signalReader, ReaderSignals signals, ReaderFollows follows, PaperSearch search, PaperReader reader, IOptions<HarvestOptions> harvest)
    : PageModel
{
    public const int SearchResults = 20;

    public const int MaxPerPost = 50;

    /// <summary>The categories offered: those this site harvests, and any the reader already follows.</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public IReadOnlySet<string> FollowedCategories { get; private set; } = new HashSet<string>();

    public IReadOnlyList<string> FollowedAuthors { get; private set; } = [];

    public int Picks { get; private set; }

    /// <summary>The search on this page (<c>?q=</c>), to tick papers from.</summary>
    public string? Query { get; private set; }

    public IReadOnlyList<ListedPaper> Found { get; private set; } = [];

    [BindProperty]
    public string? Authors { get; set; }

    [BindProperty]
    public string? Ids { get; set; }

    public List<string> Problems { get; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : PaperText.SingleLine(q);
        if (Query is not null)
        {
            if (Query.Length > SearchQuery.MaxLength)
            {
                Problems.Add($"A search has at most {SearchQuery.MaxLength} characters.");
            }
            else
            {
                var found = search.Search(new PaperSearchRequest(SearchQuery.Parse(Query), SearchFilters.None, SearchSort.Relevance, 0, SearchResults));
                Found = await reader.FindManyAsync(found.Ids, cancellationToken);
            }
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string[]? category, string[]? shown, string[]? pick, CancellationToken cancellationToken)
    {
        var user = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var checkedCategories = (category ?? []).Take(MaxPerPost).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in (shown ?? []).Take(MaxPerPost))
        {
            await ReportAsync(follows.SetAsync(user, FollowKind.Category, name, checkedCategories.Contains(name), cancellationToken), name);
        }

        foreach (var author in Lines(Authors))
        {
            await ReportAsync(follows.SetAsync(user, FollowKind.Author, author, true, cancellationToken), author);
        }

        foreach (var text in Lines(Ids).SelectMany(line => line.Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries)).Concat(pick ?? []).Take(MaxPerPost))
        {
            if (!ArxivId.TryParse(text, out var id))
            {
                Problems.Add($"“{PaperText.Snippet(text, 60)}” is not an arXiv id such as 2506.01234.");
                continue;
            }

            await ReportAsync(signals.SetPickedAsync(user, id, true, cancellationToken), id.Value);
        }

        if (Problems.Count == 0)
        {
            return LocalRedirect("/for-you");
        }

        // The rest is saved; what was refused is typed back, so nothing typed is lost.
        Authors = string.Join('\n', Lines(Authors).Where(a => Problems.Any(p => p.Contains(a, StringComparison.Ordinal))));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task ReportAsync(Task<SignalResult> change, string what)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            Problems.Add(result.Message.Contains(what, StringComparison.Ordinal) ? result.Message : $"{what}: {result.Message}");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var set = await signalReader.ReadAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        var followed = set?.Follows ?? [];
        FollowedCategories = followed.Where(f => f.Kind == FollowKind.Category).Select(f => f.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        FollowedAuthors = [.. followed.Where(f => f.Kind == FollowKind.Author).Select(f => f.Label)];
        Picks = set?.Positives.Count(p => p.Source == PositiveSource.Pick) ?? 0;
        Categories = [.. harvest.Value.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(FollowedCategories).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Take(MaxPerPost);
}
