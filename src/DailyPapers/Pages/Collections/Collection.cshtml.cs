using System.Security.Claims;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Collections;

/// <summary>
/// <c>/collections/{slug}</c>: one of the reader's collections, to keep: notes, order, renaming, public or private,
/// whether it teaches their list, export (<c>?format=bib|ris|csv</c>) and deletion. Only its owner reaches it here;
/// a public one is also at <c>/users/{handle}/collections/{slug}</c>.
/// </summary>
[Authorize]
public sealed class CollectionModel(ReaderCollections collections, PaperReader reader, UserManager<UserEntity> users) : PageModel
{
    public CollectionContents? Contents { get; private set; }

    /// <summary>The saved papers as cards, in the collection's order, each with its note.</summary>
    public IReadOnlyList<(ListedPaper Paper, SavedPaper Saved)> Papers { get; private set; } = [];

    /// <summary>The owner's handle, for the public address.</summary>
    public string Handle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }

        var (format, error) = ListExport.Read(Request.Query);
        if (error is not null)
        {
            return ProblemPage.Show(HttpContext, 400, "Unknown export format", error);
        }

        return format is null ? Page() : ListExport.File(Papers.Select(p => p.Paper), format, $"collection-{slug}");
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug, string? name, bool isPublic, bool isSignal, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await collections.UpdateAsync(UserId, slug, name, isPublic, isSignal, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(string slug, string? id, string? note, CancellationToken cancellationToken) =>
        ArxivId.TryParse(id, out var paper)
            ? await AfterAsync(slug, await collections.SetNoteAsync(UserId, slug, paper, note ?? "", cancellationToken), cancellationToken)
            : BadId(id);

    public async Task<IActionResult> OnPostMoveAsync(string slug, string? id, int index, CancellationToken cancellationToken) =>
        ArxivId.TryParse(id, out var paper)
            ? await AfterAsync(slug, await collections.MoveAsync(UserId, slug, paper, index, cancellationToken), cancellationToken)
            : BadId(id);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, string? id, CancellationToken cancellationToken) =>
        ArxivId.TryParse(id, out var paper)
            ? await AfterAsync(slug, await collections.RemoveAsync(UserId, slug, paper, cancellationToken), cancellationToken)
            : BadId(id);

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await collections.DeleteAsync(UserId, slug, cancellationToken);
        return result.Succeeded ? LocalRedirect("/collections") : await AfterAsync(slug, result, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(string slug, SignalResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return LocalRedirect($"/collections/{slug}");
        }

        if (await LoadAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }

        // The page again, with the message above it; what was typed in a note is lost only if it was refused as too
        // long, and then the message says by how much.
        ModelState.AddModelError(string.Empty, result.Message);
        Response.StatusCode = result.Failure == SignalFailure.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Contents = CollectionSlug.IsWellFormed(slug) ? await collections.ReadAsync(UserId, slug, cancellationToken) : null;
        if (Contents is null)
        {
            return ProblemPage.Show(HttpContext, 404, "No such collection", $"You have no collection “{PaperText.SingleLine(slug)}”.", ("Your collections", "/collections"));
        }

        Papers = await CollectionPapers.ReadAsync(reader, Contents, cancellationToken);
        Handle = (await users.GetUserAsync(User))?.Handle ?? "";
        ViewData["Title"] = $"{Contents.Collection.Name} – Collections";
        return null;
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private StatusCodeResult BadId(string? id) =>
        ProblemPage.Show(HttpContext, 400, "Malformed paper id", $"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.");
}
