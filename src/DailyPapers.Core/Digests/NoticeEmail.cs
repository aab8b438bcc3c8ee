using System.Text;

namespace DailyPapers.Core.Digests;

/// <summary>
/// A short message about a subscription rather than papers (confirm it; it already exists): what was asked for which
/// address, one link as a button with its address spelled out beside it, and a footnote. No images, no list footer.
/// </summary>
internal static class NoticeEmail
{
    /// <summary>
    /// <paramref name="leadBefore"/>, the address (bold in HTML) and <paramref name="leadAfter"/> make the opening
    /// sentence; <paramref name="action"/> introduces <paramref name="link"/>, which the HTML part shows as
    /// <paramref name="button"/>.
    /// </summary>
    public static ComposedEmail Compose(
        string subject, string heading, string leadBefore, string address, string leadAfter, string action, string link, string button, string footnote)
    {
        var text = new StringBuilder();
        TextWrap.Append(text, leadBefore + address + leadAfter).Append('\n');
        TextWrap.Append(text, action);
        text.Append(link).Append("\n\n");
        TextWrap.Append(text, footnote);

        var html = new StringBuilder(2048);
        EmailHtml.Append(html.Append(DigestHtml.Head), subject).Append(DigestHtml.Body);
        EmailHtml.Append(html.Append("<h1 style=\"margin:0 0 16px;font-size:21px;line-height:1.3;\">"), heading).Append("</h1>\n<p style=\"margin:0 0 16px;\">");
        EmailHtml.Append(html, leadBefore);
        EmailHtml.Append(html.Append("<strong>"), address).Append("</strong>");
        EmailHtml.Append(html, leadAfter).Append("</p>\n");
        html.Append("<p style=\"margin:0 0 16px;\"><a href=\"");
        EmailHtml.Append(html, link).Append("\" style=\"display:inline-block;padding:10px 18px;background-color:#0b57d0;color:#ffffff;")
            .Append("text-decoration:none;border-radius:6px;font-weight:600;\">");
        EmailHtml.Append(html, button).Append("</a></p>\n");
        html.Append("<p style=\"margin:0 0 16px;font-size:13px;").Append(DigestHtml.Muted).Append("\">If the button does not work, copy this address into your browser: ");
        EmailHtml.Append(html, link).Append("</p>\n");
        EmailHtml.Append(html.Append("<p style=\"margin:0;font-size:13px;").Append(DigestHtml.Muted).Append("\">"), footnote).Append("</p>\n");
        html.Append(DigestHtml.End);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }
}
