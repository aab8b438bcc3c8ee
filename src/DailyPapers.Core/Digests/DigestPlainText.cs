using System.Text;

namespace DailyPapers.Core.Digests;

/// <summary>The plain-text part of a digest: numbered papers wrapped at 76 columns, each with its link.</summary>
internal static class DigestPlainText
{
    /// <summary>Everything before the subscriber's own links, for one site.</summary>
    public static string Render(string heading, IReadOnlyList<PreparedPaper> papers, string what, string siteRoot)
    {
        var sb = new StringBuilder(512 + (papers.Count * 600));
        TextWrap.Append(sb, heading);
        sb.Append('\n');
        if (papers.Count == 0)
        {
            sb.Append("No papers this time.\n\n");
        }

        var labelWidth = papers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 2;
        var indent = new string(' ', labelWidth);
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            var label = ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ").PadLeft(labelWidth);
            TextWrap.Append(sb, paper.Title, label, indent);
            if (paper.Reason is not null)
            {
                TextWrap.Append(sb, "Why: " + paper.Reason, indent);
            }

            TextWrap.Append(sb, paper.Authors, indent);
            TextWrap.Append(sb, paper.Stats, indent);
            TextWrap.Append(sb, paper.Summary, indent);
            sb.Append(indent).Append(siteRoot).Append('/').Append(paper.Path).Append('\n');
            if (paper.Code is not null)
            {
                sb.Append(indent).Append("Code: ").Append(paper.Code).Append('\n');
            }

            sb.Append('\n');
        }

        // "-- " (with the space) is the signature separator mail clients recognise and fold away.
        sb.Append("-- \n");
        TextWrap.Append(sb, $"You receive this email because you subscribed to {what} on DailyPapers ({siteRoot}/).");
        sb.Append("Manage your emails: ");
        return sb.ToString();
    }

    public const string FooterMiddle = "\nUnsubscribe: ";
    public const string FooterEnd = "\n";
}
