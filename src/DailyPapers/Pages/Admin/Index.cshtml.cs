using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Pages.Admin;

/// <summary>
/// <c>/admin</c>, for moderators: find readers and suspend or restore them, and see what is hidden, to restore it.
/// Papers and comments are hidden from their own pages, where they are seen in context.
/// </summary>
[Authorize(Roles = AccountServiceCollectionExtensions.AdminRole)]
public sealed class IndexModel(UserManager<UserEntity> users, AccountSuspension suspension, PaperModeration moderation) : PageModel
{
    public const int ListLength = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<(UserEntity Reader, bool Suspended, bool Admin)> Readers { get; private set; } = [];

    public HiddenItems Hidden { get; private set; } = new([], []);

    /// <summary>What the last action did, carried across its redirect (post-redirect-get: a reload repeats nothing).</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSuspendAsync(string userId, bool suspend)
    {
        var reader = await users.FindByIdAsync(userId);
        if (reader is null)
        {
            Message = "There is no such reader.";
        }
        else if (suspend && reader.Id == users.GetUserId(User))
        {
            Message = "You cannot suspend yourself.";
        }
        else
        {
            var (outcome, error) = await suspension.SetAsync(reader, suspend);
            Message = outcome switch
            {
                SuspensionOutcome.Failed => error,
                SuspensionOutcome.AlreadySo => $"{reader.Handle} is {(suspend ? "already suspended" : "not suspended")}.",
                _ => $"{reader.Handle} is {(suspend ? "suspended: signed out within a minute, tokens refused" : "no longer suspended")}.",
            };
        }

        return RedirectToPage(new { q = Query });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            query = query.Where(u => u.Handle.Contains(text) || u.Email!.Contains(text) || u.DisplayName.Contains(text));
        }

        var found = await query.OrderByDescending(u => u.CreatedAt).Take(ListLength).ToListAsync(cancellationToken);
        var suspended = (await users.GetUsersInRoleAsync(AccountServiceCollectionExtensions.SuspendedRole)).Select(u => u.Id).ToHashSet();
        var admins = (await users.GetUsersInRoleAsync(AccountServiceCollectionExtensions.AdminRole)).Select(u => u.Id).ToHashSet();
        Readers = [.. found.Select(u => (u, suspended.Contains(u.Id), admins.Contains(u.Id)))];
        Hidden = await moderation.HiddenAsync(ListLength, cancellationToken);
    }
}
