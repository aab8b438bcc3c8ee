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
        var facts = new List<string> { $"**arXiv:** [{paper.Id}]({Destination(paper.AbsUrl)})", $"[PDF]({Destination(paper.PdfUrl)})" };
        if (paper.GithubRepo is { } code)
        {
            facts.Add(paper.GithubStars is { } stars
                ? $"[Code]({Destination(code)}) ({stars.ToString("N0", CultureInfo.InvariantCulture)} stars)"
                : $"[Code]({Destination(code)})");
        }

        if (paper.ProjectPage is { } project)
        {
            facts.Add($"[Project page]({Destination(project)})");
        }

        md.AppendLine(string.Join(" · ", facts)).AppendLine();
        var dates = new List<string>();
        if (paper.SubmittedAt is { } submitted)
        {
            dates.Add($"**Published:** {Day(DateOnly.FromDateTime(submitted.UtcDateTime))}");
        }

        if (paper.ListedOn is { } listed)
        {
            dates.Add($"**Listed:** {Day(listed)}");
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
                md.Append("- [").Append(LinkText(other.Title)).Append("](").Append(Destination($"/papers/{other.Id}")).Append(") — arXiv:").AppendLine(other.Id);
            }

            md.AppendLine();
        }

        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// One line, so that a title or a name cannot start a heading or a list; angle brackets escaped, so that it
    /// cannot carry HTML into a page that renders this Markdown.
    /// </summary>
    private static string Inline(string text) =>
        OneLine(text).Replace("<", "\\<", StringComparison.Ordinal).Replace(">", "\\>", StringComparison.Ordinal);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A link's address in angle brackets, with what would end it early encoded: a link cannot become two.</summary>
    private static string Destination(string url) =>
        "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Brackets end a link's text early, angle brackets would be HTML: all escaped, backslashes first.</summary>
    private static string LinkText(string title) =>
        OneLine(title).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal).Replace("<", "\\<", StringComparison.Ordinal).Replace(">", "\\>", StringComparison.Ordinal);
}
