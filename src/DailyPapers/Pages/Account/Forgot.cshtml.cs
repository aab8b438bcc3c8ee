using System.ComponentModel.DataAnnotations;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary>
/// <c>/account/forgot</c>: a password reset link. Until email delivery exists it is written to the log, where the
/// operator finds it; the page says the same whether or not the address has an account.
/// </summary>
public sealed class ForgotModel(UserManager<UserEntity> users, ILogger<ForgotModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

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

        if (await users.FindByEmailAsync(Email.Trim()) is { } account)
        {
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = $"{Request.Scheme}://{Request.Host}/account/reset?email={Uri.EscapeDataString(account.Email!)}&token={Uri.EscapeDataString(token)}";
            logger.LogWarning("Password reset requested for {Email}; email delivery is not set up, so here is the link: {Link}", account.Email, link);
        }

        Sent = true;
        return Page();
    }
}
