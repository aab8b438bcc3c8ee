using System.Text;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>
/// The answer by email to a subscribe request for an address that is already subscribed: the site says the same to
/// everyone (it must not reveal who subscribes), so the reader learns it here, with the link to their preferences.
/// </summary>
internal static class AlreadySubscribedEmail
{
    public const string Subject = "You are already subscribed to DailyPapers";

    public static ComposedEmail Compose(string email, Uri manage, Uri site)
    {
        var address = PaperText.SingleLine(email);
        var link = DigestComposer.Absolute(manage, nameof(manage));
        var root = DigestComposer.Root(site, nameof(site));
        var asked = $"Someone, probably you, asked DailyPapers ({root}/) to subscribe {address}, which is already subscribed: nothing has changed.";
        const string choose = "To choose what you receive, or to unsubscribe, open your preferences:";
        const string ignore = "If this was not you, ignore this email.";

        var text = new StringBuilder();
        TextWrap.Append(text, asked).Append('\n');
        TextWrap.Append(text, choose);
        text.Append(link).Append("\n\n");
        TextWrap.Append(text, ignore);

        var html = new StringBuilder(2048);
        EmailHtml.Append(html.Append(DigestHtml.Head), Subject).Append(DigestHtml.Body);
        html.Append("<h1 style=\"margin:0 0 16px;font-size:21px;line-height:1.3;\">You are already subscribed</h1>\n<p style=\"margin:0 0 16px;\">");
        EmailHtml.Append(html, asked).Append("</p>\n<p style=\"margin:0 0 16px;\">");
        EmailHtml.Append(html, choose).Append(" <a href=\"");
        EmailHtml.Append(html, link).Append("\">your preferences</a>.</p>\n");
        EmailHtml.Append(html.Append("<p style=\"margin:0;font-size:13px;").Append(DigestHtml.Muted).Append("\">"), ignore).Append("</p>\n");
        html.Append(DigestHtml.End);
        return new ComposedEmail(Subject, html.ToString(), text.ToString());
    }
}
