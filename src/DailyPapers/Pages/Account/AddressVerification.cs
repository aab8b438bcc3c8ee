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
        var email = account.Email!;
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await mail.SendAsync(AddressVerificationEmail.Compose(link), email, CancellationToken.None);
                if (result.Status != SendStatus.Sent)
                {
                    logger.LogWarning("Address confirmation to {Email} not sent ({Error}); the link: {Link}", email, result.Error, link);
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Address confirmation to {Email} failed; the link: {Link}", email, link);
            }
        });
    }
}
