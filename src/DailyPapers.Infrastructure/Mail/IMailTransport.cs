using MimeKit;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>Hands one finished message to whatever delivers mail (an SMTP relay, or a folder).</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Where messages go, for logs: <c>SMTP 127.0.0.1:2525 (none)</c> or <c>files in /data/outbox</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Sends to the envelope recipients taken from the message's To/Cc/Bcc. Failures come back as a
    /// <see cref="SendResult"/>, never as an exception; cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
