using System.ComponentModel.DataAnnotations;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary><c>/account/reset?email=&amp;token=</c>: a new password from a reset link; it also lifts a lockout.</summary>
public sealed class ResetModel(UserManager<UserEntity> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Required]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    [Required]
    public string Token { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters; a few words make a good password.")]
    public string Password { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = ModelState.IsValid ? await users.FindByEmailAsync(Email) : null;
        var result = account is null ? null : await users.ResetPasswordAsync(account, Token, Password);
        if (account is null || result is not { Succeeded: true })
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(string.Empty, "This reset link is not valid any more. Ask for a new one.");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Done = true;
        return Page();
    }
}
