using System.Text;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>The double opt-in message: what was asked, for which address, one link to confirm, and "ignore if not you".</summary>
internal static class ConfirmationEmail
{
    public const string Subject = "Confirm your subscription to DailyPapers";

    /// <summary>
    /// The message asking <paramref name="email"/> to confirm a subscription by opening <paramref name="confirm"/>.
    /// </summary>
    public static ComposedEmail Compose(string email, Uri confirm, Uri site)
    {
        var address = PaperText.SingleLine(email);
        var link = DigestComposer.Absolute(confirm, nameof(confirm));
        var root = DigestComposer.Root(site, nameof(site));
        var asked = $"Someone, probably you, asked DailyPapers ({root}/) to send emails about new research papers to {address}.";
        const string ignore = "If this was not you, ignore this email: nothing will be sent to this address unless the link is opened.";

        var text = new StringBuilder();
        TextWrap.Append(text, asked).Append('\n');
        TextWrap.Append(text, "To confirm your subscription, open this link:");
        text.Append(link).Append("\n\n");
        TextWrap.Append(text, ignore);

        var html = new StringBuilder(2048);
        EmailHtml.Append(html.Append(DigestHtml.Head), Subject).Append(DigestHtml.Body);
        html.Append("<h1 style=\"margin:0 0 16px;font-size:21px;line-height:1.3;\">Confirm your subscription</h1>\n<p style=\"margin:0 0 16px;\">");
        EmailHtml.Append(html, "Someone, probably you, asked DailyPapers (" + root + "/) to send emails about new research papers to ");
        EmailHtml.Append(html.Append("<strong>"), address).Append("</strong>.</p>\n");
        html.Append("<p style=\"margin:0 0 16px;\"><a href=\"");
        EmailHtml.Append(html, link).Append("\" style=\"display:inline-block;padding:10px 18px;background-color:#0b57d0;color:#ffffff;")
            .Append("text-decoration:none;border-radius:6px;font-weight:600;\">Confirm my subscription</a></p>\n");
        html.Append("<p style=\"margin:0 0 16px;font-size:13px;").Append(DigestHtml.Muted).Append("\">If the button does not work, copy this address into your browser: ");
        EmailHtml.Append(html, link).Append("</p>\n");
        EmailHtml.Append(html.Append("<p style=\"margin:0;font-size:13px;").Append(DigestHtml.Muted).Append("\">"), ignore).Append("</p>\n");
        html.Append(DigestHtml.End);
        return new ComposedEmail(Subject, html.ToString(), text.ToString());
    }
}
