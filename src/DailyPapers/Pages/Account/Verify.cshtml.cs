using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary>
/// <c>/account/verify?user=…&amp;token=…</c>: the link of <see cref="AddressVerification"/>. Proves the address, and
/// makes its subscription (if one exists) the account's. Following it again says it is already confirmed.
/// </summary>
public sealed class VerifyModel(UserManager<UserEntity> users, Infrastructure.Digests.Subscriptions subscriptions) : PageModel
{
    public bool Verified { get; private set; }

    public async Task OnGetAsync(string? user, string? token, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(user) ? null : await users.FindByIdAsync(user);
        if (account is null || string.IsNullOrEmpty(token))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!account.EmailConfirmed && !(await users.ConfirmEmailAsync(account, token)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await subscriptions.ForVerifiedAccountAsync(account.Id, account.Email!, subscribeIfNone: false, cancellationToken);
        Verified = true;
    }
}
