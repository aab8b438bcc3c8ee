using System.ComponentModel.DataAnnotations;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary>
/// <c>/account/signup</c>: an account from an email and a password, signed in at once; a link to confirm the address
/// is mailed (the account works before it, but manages the address's subscription only after).
/// </summary>
public sealed class SignUpModel(AccountCreator creator, SignInManager<UserEntity> signIn, AddressVerification verification) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as ada@example.org.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters; a few words make a good password.")]
    public string Password { get; set; } = "";

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

        var (account, result) = await creator.CreateAsync(Email, Password, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                // "Username is already taken" repeats "Email is already taken": show each once, in the email's words.
                if (error.Code == nameof(IdentityErrorDescriber.InvalidUserName))
                {
                    // The account's user name is its email, a field this form does not show.
                    ModelState.AddModelError(
                        string.Empty,
                        "Use an email address written with plain letters, digits and . _ - + only: mail to other addresses is rarely delivered.");
                }
                else if (error.Code != nameof(IdentityErrorDescriber.DuplicateUserName))
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await verification.SendAsync(account);
        await signIn.SignInAsync(account, isPersistent: true);
        return LocalRedirect(Account.ReturnUrl.Safe(ReturnUrl));
    }
}
