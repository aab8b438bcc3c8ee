using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary><c>POST /account/signout</c> (a form with its antiforgery token; a GET only shows the button).</summary>
public sealed class SignOutModel(SignInManager<UserEntity> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
