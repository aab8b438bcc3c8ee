using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DailyPapers.Pages.Account;

/// <summary>
/// Sends the link that proves an account's address (Identity's email confirmation token), the same double opt-in as a
/// subscription's. Built from <c>Digests:SiteUrl</c>, never the request's Host. Sent in the background, with the link
/// in the log if sending fails, as password resets are.
/// </summary>
public sealed class AddressVerification(UserManager<UserEntity> users, DirectMail mail, IOptions<DigestOptions> site, ILogger<AddressVerification> logger)
{
    public async Task SendAsync(UserEntity account)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(account);
        var link = $"{site.Value.SiteUrl.TrimEnd('/')}/account/verify?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}";
        AccountMail.SendInBackground(mail, AddressVerificationEmail.Compose(link), account.Email!, link, logger);
    }
}
