using DailyPapers.Core.Digests;
using DailyPapers.Infrastructure.Digests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>
/// One message sent at once, outside the outbox: account mail (a password reset link) that only matters now and is
/// asked for again if it does not arrive. With no SMTP configured it lands in <c>data/outbox/</c> like the rest.
/// </summary>
public sealed class DirectMail(IOptions<SmtpOptions> smtp, MailDirectory directory, ILogger<DirectMail> logger)
{
    public async Task<SendResult> SendAsync(ComposedEmail email, string to, CancellationToken cancellationToken)
    {
        await using var transport = MailTransportFactory.Create(smtp.Value, directory.DataDirectory, logger);
        var message = MailMessages.Build(email, MailboxAddress.Parse(smtp.Value.From), new MailboxAddress(null, to), $"{Guid.NewGuid():N}@dailypapers", unsubscribe: null);
        return await transport.SendAsync(message, cancellationToken);
    }
}
