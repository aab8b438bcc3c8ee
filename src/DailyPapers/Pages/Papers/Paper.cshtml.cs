using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Pages.Papers;

[OutputCache(PolicyName = StoreVersionedCachePolicy.Name)]
public sealed class PaperModel(PaperReader reader, PaperSearch search) : PageModel
{
    public const int SimilarCount = 8;

    public ListedPaper? Paper { get; private set; }

    /// <summary>
    /// Nearest papers by meaning (by title words until this one is embedded). Cached with the page: a paper imported
    /// seconds before the page was cached may be missing from it until the store next changes.
    /// </summary>
    public IReadOnlyList<ListedPaper> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var arxivId, out var version))
        {
            if (ArxivId.HasIdShape(id))
            {
                return ProblemPage.Show(HttpContext, 404, "Paper not found", $"arXiv has no paper {id}: its year and month do not exist.", ("Latest papers", "/"));
            }

            return ProblemPage.Show(HttpContext, 400, "Malformed paper id", $"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.");
        }

        if (version is not null || arxivId.Value != id)
        {
            // One address per paper: versions and URL forms go to the canonical page.
            return RedirectPermanent($"/papers/{arxivId}");
        }

        Paper = await reader.FindAsync(arxivId, cancellationToken);
        if (Paper is null)
        {
            return ProblemPage.Show(HttpContext, 404, "Paper not found", $"There is no paper {arxivId} in this instance yet.",
                ($"{arxivId} on arXiv", $"https://arxiv.org/abs/{arxivId}"), ("Latest papers", "/"));
        }

        Similar = await reader.FindManyAsync(search.Similar(Paper.Id, Paper.Title, SimilarCount), cancellationToken);
        return Page();
    }
}
