using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>A paper's lines as both parts of a digest show them: plain text, TeX made readable, not yet escaped.</summary>
internal sealed record PreparedPaper(string Path, string Title, string Authors, string Stats, string Summary, string? Code, string? Reason)
{
    private const int ShownAuthors = 3;
    private const int SummaryChars = 300;

    public static PreparedPaper From(DigestPaper paper)
    {
        var authors = paper.Authors.Select(PaperText.SingleLine).Where(a => a.Length > 0).ToList();
        var authorLine = authors.Count > ShownAuthors
            ? string.Join(", ", authors.Take(ShownAuthors)) + " et al."
            : string.Join(", ", authors);
        var stats = Count(paper.Votes, "vote") + (paper.Comments > 0 ? " · " + Count(paper.Comments, "comment") : "");
        return new PreparedPaper(
            PathOf(paper.Id),
            PaperText.SingleLine(MathText.Readable(paper.Title)),
            authorLine,
            stats,
            PaperText.Snippet(MathText.Readable(paper.Summary), SummaryChars),
            CodeUrl(paper.GithubRepo),
            string.IsNullOrWhiteSpace(paper.Reason) ? null : PaperText.SingleLine(paper.Reason));
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // Old-style ids keep their slash (hep-th/9901001); the site's route takes it as it is.
    private static string PathOf(string id) =>
        "papers/" + string.Join('/', PaperText.SingleLine(id).Split('/').Select(Uri.EscapeDataString));

    // Only a web link: a javascript: or data: URL from a source never reaches an href.
    private static string? CodeUrl(string? url) =>
        Uri.TryCreate(PaperText.SingleLine(url), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.AbsoluteUri
            : null;
}
