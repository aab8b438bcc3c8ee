using System.ComponentModel.DataAnnotations;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DailyPapers.Pages.Account;

/// <summary>
/// <c>/account/forgot</c>: a password reset link by email (SMTP, or a file in data/outbox without it); if sending
/// fails it is also written to the log for the operator. The page says the same whether or not the address has an
/// account. The link is built from <c>Digests:SiteUrl</c>, never from the request's Host header, which a caller
/// could set to their own site to collect someone else's reset token.
/// </summary>
public sealed class ForgotModel(UserManager<UserEntity> users, DirectMail mail, IOptions<DigestOptions> site, ILogger<ForgotModel> logger) : PageModel
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
            var link = $"{site.Value.SiteUrl.TrimEnd('/')}/account/reset?email={Uri.EscapeDataString(account.Email!)}&token={Uri.EscapeDataString(token)}";
            AccountMail.SendInBackground(mail, PasswordResetEmail.Compose(link), account.Email!, link, logger);
        }

        Sent = true;
        return Page();
    }
}
