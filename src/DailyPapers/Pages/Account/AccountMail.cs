using DailyPapers.Core.Digests;
using DailyPapers.Infrastructure.Mail;

namespace DailyPapers.Pages.Account;

/// <summary>
/// An account email with a link in it (password reset, address confirmation), sent after the page has answered:
/// waiting for the mail server would slow the answer, and for a reset the difference would tell who has an account.
/// If sending fails, the link goes to the log, so an operator can pass it on.
/// </summary>
public static class AccountMail
{
    public static void SendInBackground(DirectMail mail, ComposedEmail email, string to, string link, ILogger logger)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await mail.SendAsync(email, to, CancellationToken.None);
                if (result.Status != SendStatus.Sent)
                {
                    logger.LogWarning("\"{Subject}\" to {Email} not sent ({Error}); the link: {Link}", email.Subject, to, result.Error, link);
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "\"{Subject}\" to {Email} failed; the link: {Link}", email.Subject, to, link);
            }
        });
    }
}
