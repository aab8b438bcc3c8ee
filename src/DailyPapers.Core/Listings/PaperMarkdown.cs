using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Listings;

/// <summary>
/// A paper page as Markdown (<c>/papers/{id}.md</c>, Hugging Face's <c>read_paper</c>): what an LLM agent or a
/// terminal reader wants, with the abstract's <c>$…$</c> math left as TeX.
/// </summary>
public static class PaperMarkdown
{
    public static string Write(ListedPaper paper, IReadOnlyList<ListedPaper> similar)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(paper.Title)).AppendLine();
        md.Append("**Authors:** ").AppendLine(Inline(string.Join(", ", paper.Authors))).AppendLine();
        var facts = new List<string> { $"**arXiv:** [{paper.Id}]({paper.AbsUrl})", $"[PDF]({paper.PdfUrl})" };
        if (paper.GithubRepo is { } code)
        {
            facts.Add(paper.GithubStars is { } stars ? $"[Code]({code}) ({stars.ToString("N0", CultureInfo.InvariantCulture)} stars)" : $"[Code]({code})");
        }

        if (paper.ProjectPage is { } project)
        {
            facts.Add($"[Project page]({project})");
        }

        md.AppendLine(string.Join(" · ", facts)).AppendLine();
        var dates = new List<string>();
        if (paper.SubmittedAt is { } submitted)
        {
            dates.Add($"**Published:** {submitted.UtcDateTime:yyyy-MM-dd}");
        }

        if (paper.ListedOn is { } listed)
        {
            dates.Add($"**Listed:** {listed:yyyy-MM-dd}");
        }

        if (paper.Categories.Count > 0)
        {
            dates.Add($"**Categories:** {string.Join(", ", paper.Categories)}");
        }

        dates.Add($"**Upvotes:** {paper.Votes.ToString(CultureInfo.InvariantCulture)}");
        md.AppendLine(string.Join(" · ", dates)).AppendLine();
        md.AppendLine("## Abstract").AppendLine().AppendLine(paper.Abstract.Trim()).AppendLine();
        if (paper.AiSummary is { } summary)
        {
            md.AppendLine("## AI summary").AppendLine().AppendLine(summary.Trim()).AppendLine();
        }

        if (paper.AiKeywords.Count > 0)
        {
            md.Append("**Keywords:** ").AppendLine(Inline(string.Join(", ", paper.AiKeywords))).AppendLine();
        }

        if (similar.Count > 0)
        {
            md.AppendLine("## Similar papers").AppendLine();
            foreach (var other in similar)
            {
                md.Append("- [").Append(LinkText(other.Title)).Append("](/papers/").Append(other.Id).Append(") — arXiv:").AppendLine(other.Id);
            }

            md.AppendLine();
        }

        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>One line, so that a title or a name cannot start a heading or a list.</summary>
    private static string Inline(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Brackets end a link's text early: escaped.</summary>
    private static string LinkText(string title) =>
        Inline(title).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
