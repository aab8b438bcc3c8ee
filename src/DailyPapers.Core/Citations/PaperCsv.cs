using System.Globalization;
using System.Text;
using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Citations;

/// <summary>
/// A list of papers as one CSV table for a spreadsheet (RFC 4180): a header row, CRLF between rows, a field quoted
/// when it holds a comma, a quote or a line break, its quotes doubled.
/// </summary>
public static class PaperCsv
{
    /// <summary>RFC 4180's media type, saying the first row is a header.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public const string FileExtension = ".csv";

    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "version", "title", "authors", "categories", "submitted", "listed", "votes", "comment_count",
        "abs_url", "pdf_url", "code_url", "doi", "abstract",
    ];

    private const string RowEnd = "\r\n";

    /// <summary>The header and one paper's row.</summary>
    public static string Write(ListedPaper paper) => WriteAll([paper]);

    /// <summary>The header, then one row per paper in the list's order.</summary>
    public static string WriteAll(IEnumerable<ListedPaper> papers)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var paper in papers)
        {
            Row(csv, Fields(paper));
        }

        return csv.ToString();
    }

    private static string?[] Fields(ListedPaper paper) =>
    [
        paper.Id,
        paper.Version > 0 ? Number(paper.Version) : null,
        paper.Title,
        string.Join("; ", paper.Authors),
        string.Join(' ', paper.Categories),
        paper.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        paper.ListedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Number(paper.Votes),
        Number(paper.NumComments),
        paper.AbsUrl,
        paper.PdfUrl,
        paper.GithubRepo,
        paper.Doi,
        paper.Abstract,
    ];

    private static void Row(StringBuilder csv, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            AppendField(csv, field ?? "");
        }

        csv.Append(RowEnd);
    }

    /// <summary>
    /// Excel, LibreOffice and Google Sheets run a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a
    /// tab or carriage return before one) as a formula, so a title such as <c>=HYPERLINK(…)</c> could act in the
    /// reader's spreadsheet. Such a cell gets a leading apostrophe, which makes it text (OWASP's advice); nothing is
    /// lost: the original is the cell without its first character whenever the second is one of those. The numbers
    /// this writer makes never start with them.
    /// </summary>
    private static void AppendField(StringBuilder csv, string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(field);
            return;
        }

        csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
