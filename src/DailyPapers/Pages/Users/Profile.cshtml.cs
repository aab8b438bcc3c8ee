using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Pages.Users;

/// <summary><c>/users/{handle}</c>: a reader's submissions, comments and (when they made them public) upvotes.</summary>
public sealed class ProfileModel(UserManager<UserEntity> users, PaperSubmissions submissions, PaperComments comments, PaperVotes votes) : PageModel
{
    public const int ListLength = 50;

    public UserEntity? Reader { get; private set; }

    public IReadOnlyList<SubmissionView> Submissions { get; private set; } = [];

    public IReadOnlyList<(CommentView Comment, string PaperId, string PaperTitle)> Comments { get; private set; } = [];

    /// <summary>Null when the reader keeps their upvotes private.</summary>
    public IReadOnlyList<(string PaperId, string Title, DateTime VotedAt)>? Upvotes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        // Handles are made lower-case (AccountFactory.HandleFrom): /users/Ada is Ada's page, at its one address.
        var canonical = handle.ToLowerInvariant();
        if (canonical != handle)
        {
            return RedirectPermanent($"/users/{Uri.EscapeDataString(canonical)}");
        }

        Reader = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Handle == handle, cancellationToken);
        if (Reader is null)
        {
            return ProblemPage.Show(HttpContext, 404, "No such reader", $"Nobody here goes by \"{Core.Papers.PaperText.SingleLine(handle)}\".", ("Latest papers", "/"));
        }

        Submissions = await submissions.ByUserAsync(Reader.Id, ListLength, cancellationToken);
        Comments = await comments.ByUserAsync(Reader.Id, ListLength, cancellationToken);
        if (Reader.VotesArePublic)
        {
            Upvotes = await votes.ByUserAsync(Reader.Id, ListLength, cancellationToken);
        }

        return Page();
    }
}
