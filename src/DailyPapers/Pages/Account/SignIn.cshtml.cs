using System.ComponentModel.DataAnnotations;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary><c>/account/signin</c>: email and password; 5 failures lock the account for 15 minutes.</summary>
public sealed class SignInModel(SignInManager<UserEntity> signIn, UserManager<UserEntity> users, UnknownAccountLockout unknownAccounts) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // One lookup: the account (or its absence) decides which lockout counts the failure.
        var email = Email.Trim();
        var (suspended, lockedOut) = (false, false);
        if (await users.FindByNameAsync(email) is not { } user)
        {
            // No such account: its failures lock as an account's would, so the lockout message tells nobody which exist.
            lockedOut = unknownAccounts.Fail(email);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Account.ReturnUrl.Safe(ReturnUrl));
            }

            // Identity answers "not allowed" before it looks at the password or the lockout, so both are checked here:
            // only the right password learns of a suspension, and wrong ones count towards the lockout as for anyone.
            (suspended, lockedOut) = result.IsNotAllowed ? await CheckSuspendedAsync(user) : (false, result.IsLockedOut);
        }

        // The same words whether the email is unknown or the password wrong: the form must not reveal who has an account.
        ModelState.AddModelError(string.Empty, lockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes. You can reset your password meanwhile."
            : suspended
                ? "This account is suspended."
                : "The email or the password is wrong.");
        Response.StatusCode = lockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<(bool Suspended, bool LockedOut)> CheckSuspendedAsync(UserEntity user)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return (false, true);
        }

        if (await users.CheckPasswordAsync(user, Password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return (true, false);
        }

        await users.AccessFailedAsync(user);
        return (false, await users.IsLockedOutAsync(user));
    }
}
