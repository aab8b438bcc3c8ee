using System.Globalization;
using System.Text;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Citations;

/// <summary>
/// RIS records, the format Zotero, EndNote and Mendeley import: two-letter tags, "  - ", one value per line, CRLF
/// line endings (the RIS specification's), <c>ER  - </c> closing each record and a blank line after it (as Zotero
/// writes them).
/// </summary>
public static class PaperRis
{
    /// <summary>The RIS type reference managers and the Zotero connector recognise.</summary>
    public const string ContentType = "application/x-research-info-systems; charset=utf-8";

    public const string FileExtension = ".ris";

    private const string LineEnd = "\r\n";

    /// <summary>
    /// GEN (generic), because that is what Zotero itself writes for its "preprint" items, and what it reads back as an
    /// article with every field below kept (its RIS translator has no preprint type). JOUR imports the same in Zotero
    /// but tells EndNote and Mendeley this is a journal article, and names no journal; ELEC imports as a web page,
    /// not a paper.
    /// </summary>
    private const string Type = "GEN";

    public static string Write(ListedPaper paper)
    {
        var ris = new StringBuilder();
        Append(ris, paper);
        return ris.ToString();
    }

    /// <summary>The records one after another, in the list's order.</summary>
    public static string WriteAll(IEnumerable<ListedPaper> papers)
    {
        var ris = new StringBuilder();
        foreach (var paper in papers)
        {
            Append(ris, paper);
        }

        return ris.ToString();
    }

    private static void Append(StringBuilder ris, ListedPaper paper)
    {
        Tag(ris, "TY", Type);
        Tag(ris, "TI", paper.Title);
        foreach (var author in ArxivAuthorName.ParseAll(paper.Authors))
        {
            // "Last, First": Zotero splits at the first comma; a name without one (a collaboration) stays one field.
            Tag(ris, "AU", author.KeynameFirst);
        }

        // The first version's date: the paper's date, as arXiv's citation_date gives it. (BibTeX's year is arXiv's,
        // the latest version's; the two differ for a paper revised in a later year.)
        if (paper.SubmittedAt is { } submitted)
        {
            var day = submitted.UtcDateTime;
            Tag(ris, "PY", day.ToString("yyyy", CultureInfo.InvariantCulture));
            Tag(ris, "DA", day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture));
        }

        Tag(ris, "AB", paper.Abstract);
        Tag(ris, "UR", paper.AbsUrl);
        Tag(ris, "L1", paper.PdfUrl);
        Tag(ris, "DO", paper.Doi);
        foreach (var category in paper.Categories)
        {
            Tag(ris, "KW", category);
        }

        // Zotero's "Archive" and "Loc. in Archive", in the form its arXiv translator gives a preprint's Archive ID.
        Tag(ris, "DB", "arXiv");
        Tag(ris, "AN", $"arXiv:{paper.Id}");
        Tag(ris, "N1", paper.Comments is null ? null : $"Comments: {paper.Comments}");
        Tag(ris, "N1", paper.JournalRef is null ? null : $"Journal reference: {paper.JournalRef}");
        ris.Append("ER  - ").Append(LineEnd).Append(LineEnd);
    }

    /// <summary>
    /// One tag on one line: a value's line breaks (an abstract's paragraphs) become spaces, since a line that does
    /// not start with a tag continues the previous value in some readers and is dropped by others. Empty values are
    /// left out.
    /// </summary>
    private static void Tag(StringBuilder ris, string tag, string? value)
    {
        var line = PaperText.SingleLine(value);
        if (line.Length > 0)
        {
            ris.Append(tag).Append("  - ").Append(line).Append(LineEnd);
        }
    }
}
