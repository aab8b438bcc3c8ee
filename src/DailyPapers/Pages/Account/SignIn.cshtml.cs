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

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Account.ReturnUrl.Safe(ReturnUrl));
        }

        // The same words whether the email is unknown or the password wrong: the form must not reveal who has an account.
        // Identity answers "not allowed" before it looks at the password or the lockout, so both are checked here: only
        // the right password learns of a suspension, and wrong ones count towards the lockout as for anyone.
        var (suspended, lockedOut) = result.IsNotAllowed ? await CheckSuspendedAsync() : (false, result.IsLockedOut);
        if (!result.IsNotAllowed && !result.IsLockedOut && await users.FindByNameAsync(Email.Trim()) is null)
        {
            // No such account: its failures lock as an account's would, so the lockout message tells nobody which exist.
            lockedOut = unknownAccounts.Fail(Email);
        }

        ModelState.AddModelError(string.Empty, lockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes. You can reset your password meanwhile."
            : suspended
                ? "This account is suspended."
                : "The email or the password is wrong.");
        Response.StatusCode = lockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<(bool Suspended, bool LockedOut)> CheckSuspendedAsync()
    {
        if (await users.FindByNameAsync(Email.Trim()) is not { } user)
        {
            return (false, false);
        }

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
