using System.Text;
using DailyPapers.Core.Digests;
using DailyPapers.Core.Papers;
using MimeKit;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>Turns a composed email into the MIME message the sender delivers or writes to <c>data/outbox/</c>.</summary>
public static class MailMessages
{
    public const string OneClick = "List-Unsubscribe=One-Click";

    /// <summary>
    /// A multipart/alternative message (plain text first, then HTML: clients show the last part they can), both UTF-8
    /// and quoted-printable. With <paramref name="unsubscribe"/>, a list message: <c>List-Unsubscribe</c> and
    /// <c>List-Unsubscribe-Post</c> for one-click unsubscribe (RFC 8058) and a <c>List-Id</c> (RFC 2919) to filter on.
    /// </summary>
    /// <param name="messageId">Without angle brackets; the same for every attempt at one outbox row.</param>
    /// <param name="date">The <c>Date</c> header; the current time when not given.</param>
    public static MimeMessage Build(
        ComposedEmail email,
        MailboxAddress from,
        MailboxAddress to,
        string messageId,
        Uri? unsubscribe,
        DateTimeOffset? date = null)
    {
        var message = new MimeMessage
        {
            Subject = PaperText.SingleLine(email.Subject),
            Date = date ?? TimeProvider.System.GetLocalNow(),
            MessageId = messageId.Trim().TrimStart('<').TrimEnd('>'),
            Body = new MultipartAlternative { Part("plain", email.Text), Part("html", email.Html) },
        };
        message.From.Add(from);
        message.To.Add(to);

        // Every message here is sent by a program, not a person (RFC 3834): vacation and out-of-office responders
        // then stay silent instead of answering the sender address. Exchange reads its own header for the same.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");

        if (unsubscribe is not null)
        {
            if (!unsubscribe.IsAbsoluteUri || unsubscribe.Scheme is not ("https" or "http"))
            {
                throw new ArgumentException($"The unsubscribe link must be an absolute https URL, not '{unsubscribe}'.", nameof(unsubscribe));
            }

            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", OneClick);
            message.Headers.Add("List-Id", $"DailyPapers digest <digest.{ListHost(unsubscribe)}>");
        }

        return message;
    }

    private static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    // A List-Id is a domain-like name under the site's host (RFC 2919); an IPv6 literal cannot be one.
    private static string ListHost(Uri site) =>
        site.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 ? site.IdnHost : "localhost";
}
