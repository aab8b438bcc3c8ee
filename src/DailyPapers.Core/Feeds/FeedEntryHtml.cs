using System.Globalization;
using System.Net;
using System.Text;

namespace DailyPapers.Core.Feeds;

/// <summary>
/// The HTML body of an entry, the same in every format: authors, the abstract's paragraphs, the links (arXiv, PDF,
/// code, project page, discussion here) and a line of categories and votes. Math stays TeX between dollar signs.
/// </summary>
public static class FeedEntryHtml
{
    public static string Write(FeedEntry entry)
    {
        var paper = entry.Paper;
        var html = new StringBuilder(paper.Abstract.Length + 512);
        html.Append("<p><strong>").Append(Encode(string.Join(", ", paper.Authors))).Append("</strong></p>");
        foreach (var paragraph in paper.Abstract.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }

        if (paper.AiSummary is { Length: > 0 } summary)
        {
            html.Append("<p><em>AI summary:</em> ").Append(Encode(summary)).Append("</p>");
        }

        html.Append("<p>");
        Link(html, paper.AbsUrl, $"arXiv:{entry.VersionedId}");
        html.Append(" · ");
        Link(html, paper.PdfUrl, "PDF");
        if (paper.GithubRepo is { } code)
        {
            html.Append(" · ");
            Link(html, code, paper.GithubStars is int stars ? $"Code (★ {stars.ToString(CultureInfo.InvariantCulture)})" : "Code");
        }

        if (paper.ProjectPage is { } project)
        {
            html.Append(" · ");
            Link(html, project, "Project page");
        }

        html.Append(" · ");
        Link(html, entry.Discussion.AbsoluteUri, paper.NumComments == 1 ? "1 comment" : $"{paper.NumComments.ToString(CultureInfo.InvariantCulture)} comments");
        html.Append("</p><p>");
        if (paper.Categories.Count > 0)
        {
            html.Append(Encode(string.Join(" · ", paper.Categories))).Append(" · ");
        }

        html.Append("▲ ").Append(paper.Votes.ToString(CultureInfo.InvariantCulture)).Append(paper.Votes == 1 ? " vote" : " votes").Append("</p>");
        return FeedText.Clean(html.ToString());
    }

    private static void Link(StringBuilder html, string href, string text) =>
        html.Append("<a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
