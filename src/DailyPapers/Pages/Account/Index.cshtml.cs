using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary><c>/account</c>: the signed-in reader's account and personal access tokens for the JSON API.</summary>
[Authorize]
public sealed class IndexModel(UserManager<UserEntity> users, AccessTokens tokens) : PageModel
{
    public IReadOnlyList<AccessTokenEntity> Tokens { get; private set; } = [];

    /// <summary>A token just created: shown this once, never stored.</summary>
    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? TokenName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        NewToken = await tokens.CreateAsync(users.GetUserId(User)!, TokenName ?? "", cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        Message = await tokens.RevokeAsync(users.GetUserId(User)!, id, cancellationToken)
            ? "The token is revoked: requests with it are refused from now on."
            : "That token was already revoked.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(users.GetUserId(User)!, cancellationToken);
}
