using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Pages.Collections;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Users;

/// <summary>
/// <c>/users/{handle}/collections/{slug}</c>: a collection its owner made public, with their notes, export and feed.
/// A private one is "not found" here, exactly as one that does not exist, so its name is not given away.
/// </summary>
public sealed class CollectionModel(ReaderCollections collections, PaperReader reader) : PageModel
{
    public string Handle { get; private set; } = "";

    public CollectionContents? Contents { get; private set; }

    public IReadOnlyList<(ListedPaper Paper, SavedPaper Saved)> Papers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string handle, string slug, CancellationToken cancellationToken)
    {
        Handle = handle.ToLowerInvariant();
        Contents = CollectionSlug.IsWellFormed(slug) ? await collections.ReadPublicAsync(Handle, slug, cancellationToken) : null;
        if (Contents is null)
        {
            return ProblemPage.Show(HttpContext, 404, "No such collection",
                $"{PaperText.SingleLine(handle)} has no public collection “{PaperText.SingleLine(slug)}”.", ("Latest papers", "/"));
        }

        Papers = await CollectionPapers.ReadAsync(reader, Contents, cancellationToken);
        var (format, error) = ListExport.Read(Request.Query);
        if (error is not null)
        {
            return ProblemPage.Show(HttpContext, 400, "Unknown export format", error);
        }

        if (format is not null)
        {
            return ListExport.File(Papers.Select(p => p.Paper), format, $"{Handle}-{slug}");
        }

        ViewData["Title"] = $"{Contents.Collection.Name} – {Handle}";
        ViewData[FeedLink.ViewDataKey] = new[] { CollectionFeeds.Link(Handle, Contents.Collection) };
        return Page();
    }
}
