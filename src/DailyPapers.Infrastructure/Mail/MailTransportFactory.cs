using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>Picks the transport the configuration asks for: SMTP when <c>Smtp:Host</c> is set, else the outbox folder.</summary>
public static class MailTransportFactory
{
    // Each sender loop creates its own transport; the "no SMTP" notice is worth one line per folder, not per loop.
    private static readonly ConcurrentDictionary<string, bool> Announced = new(StringComparer.Ordinal);

    public static IMailTransport Create(SmtpOptions options, string dataDirectory, ILogger logger)
    {
        if (options.IsConfigured)
        {
            return new SmtpMailTransport(options, logger);
        }

        var transport = new DirectoryMailTransport(Path.Combine(dataDirectory, "outbox"));
        if (Announced.TryAdd(transport.Directory, true))
        {
            logger.LogWarning("No SMTP configured (Smtp:Host): messages are written to {Outbox}", transport.Directory);
        }

        return transport;
    }
}
