using System.Security.Claims;
using DailyPapers.Infrastructure.Signals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Collections;

/// <summary><c>/collections</c>: the reader's collections, and a form to make one.</summary>
[Authorize]
public sealed class IndexModel(ReaderCollections collections) : PageModel
{
    public IReadOnlyList<CollectionSummary> Collections { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsPublic { get; set; }

    /// <summary>Checked by default: a collection is about the reader's field unless they say it is not.</summary>
    [BindProperty]
    public bool IsSignal { get; set; } = true;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Collections = await collections.ListAsync(UserId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, result) = await collections.CreateAsync(UserId, Name ?? "", IsPublic, IsSignal, cancellationToken);
        if (created is not null)
        {
            return LocalRedirect($"/collections/{created.Slug}");
        }

        // The page again with the message and what was typed, so nothing is lost.
        ModelState.AddModelError(string.Empty, result.Message);
        Response.StatusCode = result.Failure == SignalFailure.LimitReached ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Collections = await collections.ListAsync(UserId, cancellationToken);
        return Page();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
