using System.Security.Claims;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DailyPapers.Pages.Papers;

/// <summary><c>/papers/submit</c>: a signed-in reader features a paper on today's list by its arXiv id or URL.</summary>
[Authorize]
[RateLimited(RateLimitedAttribute.Submissions)]
public sealed class SubmitModel(PaperSubmissions submissions, IOptions<SubmissionOptions> options) : PageModel
{
    [BindProperty]
    public string? Paper { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public string? Error { get; private set; }

    public SubmissionOptions Rules => options.Value;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await submissions.SubmitAsync(Paper ?? "", User.FindFirstValue(ClaimTypes.NameIdentifier)!, Comment, cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect($"/papers/{result.PaperId}?submitted=1");
        }

        Error = result.Message;
        Response.StatusCode = SubmissionStatus.Of(result.Failure);
        return Page();
    }
}
