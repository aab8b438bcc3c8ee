using System.Text;

namespace DailyPapers.Core.Digests;

/// <summary>
/// The HTML part of a digest: one column of at most 640px, inline styles only (many clients drop a
/// <c>&lt;style&gt;</c> block), no tables, no images, no script. All text and URLs are escaped.
/// </summary>
internal static class DigestHtml
{
    public const string Muted = "color:#57606a;";

    public const string Head =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";

    public const string Body =
        "</title>\n</head>\n<body style=\"margin:0;padding:0;background-color:#f4f4f2;\">\n"
        + "<div style=\"max-width:640px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#1f2328;"
        + "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;\">\n";

    public const string End = "</div>\n</body>\n</html>\n";

    /// <summary>Everything before the subscriber's own links, for one site.</summary>
    public static string Render(string subject, string heading, IReadOnlyList<PreparedPaper> papers, string what, string siteRoot)
    {
        var sb = new StringBuilder(1024 + (papers.Count * 900));
        EmailHtml.Append(sb.Append(Head), subject).Append(Body);
        sb.Append("<p style=\"margin:0 0 8px;font-size:13px;\"><a href=\"");
        EmailHtml.Append(sb, siteRoot).Append("/\" style=\"").Append(Muted).Append("text-decoration:none;font-weight:600;\">DailyPapers</a></p>\n");
        EmailHtml.Append(sb.Append("<h1 style=\"margin:0 0 20px;font-size:21px;line-height:1.3;\">"), heading).Append("</h1>\n");
        if (papers.Count == 0)
        {
            sb.Append("<p>No papers this time.</p>\n");
        }
        else
        {
            sb.Append("<ol style=\"margin:0;padding:0 0 0 24px;\">\n");
            foreach (var paper in papers)
            {
                Paper(sb, paper, siteRoot);
            }

            sb.Append("</ol>\n");
        }

        sb.Append("<div style=\"margin:28px 0 0;padding:16px 0 0;border-top:1px solid #d0d7de;font-size:12px;").Append(Muted).Append("\">\n");
        sb.Append("<p style=\"margin:0 0 8px;\">You receive this email because you subscribed to ");
        EmailHtml.Append(sb, what).Append(" on <a href=\"");
        EmailHtml.Append(sb, siteRoot).Append("/\" style=\"").Append(Muted).Append("\">DailyPapers</a>.</p>\n");
        sb.Append("<p style=\"margin:0;\"><a href=\"");
        return sb.ToString();
    }

    // Between the manage and the unsubscribe URL, and after it.
    public const string FooterMiddle = "\" style=\"" + Muted + "\">Manage your emails</a> · <a href=\"";
    public const string FooterEnd = "\" style=\"" + Muted + "\">Unsubscribe</a></p>\n</div>\n" + End;

    private static void Paper(StringBuilder sb, PreparedPaper paper, string siteRoot)
    {
        sb.Append("<li style=\"margin:0 0 22px;\">\n<a href=\"");
        EmailHtml.Append(sb, siteRoot).Append('/');
        EmailHtml.Append(sb, paper.Path).Append("\" style=\"color:#0b57d0;font-size:17px;font-weight:600;text-decoration:none;\">");
        EmailHtml.Append(sb, paper.Title).Append("</a>\n");
        if (paper.Reason is not null)
        {
            sb.Append("<div style=\"margin:2px 0 0;font-size:13px;color:#1e6b3a;\">");
            EmailHtml.Append(sb, paper.Reason).Append("</div>\n");
        }

        if (paper.Authors.Length > 0)
        {
            sb.Append("<div style=\"margin:2px 0 0;font-size:13px;").Append(Muted).Append("\">");
            EmailHtml.Append(sb, paper.Authors).Append("</div>\n");
        }

        sb.Append("<div style=\"margin:2px 0 0;font-size:13px;").Append(Muted).Append("\">");
        EmailHtml.Append(sb, paper.Stats);
        if (paper.Code is not null)
        {
            EmailHtml.Append(sb.Append(" · <a href=\""), paper.Code).Append("\" style=\"").Append(Muted).Append("\">code</a>");
        }

        sb.Append("</div>\n");
        if (paper.Summary.Length > 0)
        {
            EmailHtml.Append(sb.Append("<p style=\"margin:6px 0 0;\">"), paper.Summary).Append("</p>\n");
        }

        sb.Append("</li>\n");
    }
}
