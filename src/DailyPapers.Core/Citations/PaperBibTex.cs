using System.Text;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Citations;

/// <summary>
/// BibTeX entries as arXiv's "Export BibTeX citation" writes them (arxiv-browse, <c>browse/formatting/cite.py</c>),
/// byte for byte: <c>@misc</c>, six spaces of indent, a space after the title's and the url's comma, the doi as a
/// doi.org address, no newline after the closing brace. Titles stay arXiv's TeX; names are in Unicode, as arXiv
/// decodes them.
/// </summary>
public static class PaperBibTex
{
    /// <summary>What reference managers recognise (the Zotero connector imports it); arXiv itself serves text/plain.</summary>
    public const string ContentType = "application/x-bibtex; charset=utf-8";

    public const string FileExtension = ".bib";

    private const string Indent = "      ";

    /// <summary>One paper's entry, with its arXiv key, ending in a newline (a file of its own).</summary>
    public static string Write(ListedPaper paper) => Entry(paper, ArxivCiteKey.Of(paper)) + "\n";

    /// <summary>
    /// Entries separated by a blank line. Keys are unique within the list: a key arXiv's rule gives an earlier paper
    /// too gets the first free suffix of a, b, … z, aa, ab, …, so the list's order decides which paper keeps the plain
    /// key.
    /// </summary>
    public static string WriteAll(IEnumerable<ListedPaper> papers)
    {
        var list = papers.ToList();
        var keys = UniqueKeys(list.Select(ArxivCiteKey.Of).ToList());
        return string.Concat(list.Select((paper, i) => (i > 0 ? "\n" : "") + Entry(paper, keys[i]) + "\n"));
    }

    /// <summary>The entry as arXiv's export writes it: ending with the closing brace, without a newline.</summary>
    private static string Entry(ListedPaper paper, string key)
    {
        var entry = new StringBuilder();
        entry.Append("@misc{").Append(key).Append(",\n");
        entry.Append(Indent).Append("title={").Append(Value(paper.Title)).Append("}, \n");
        entry.Append(Indent).Append("author={").Append(Value(Authors(paper))).Append("},\n");
        entry.Append(Indent).Append("year={").Append(ArxivCiteKey.Year(paper)).Append("},\n");
        entry.Append(Indent).Append("eprint={").Append(paper.Id).Append("},\n");
        entry.Append(Indent).Append("archivePrefix={arXiv},\n");
        entry.Append(Indent).Append("primaryClass={").Append(Value(paper.Categories.Count > 0 ? paper.Categories[0] : "unknown")).Append("},\n");
        if (paper.Doi is { Length: > 0 } doi)
        {
            entry.Append(Indent).Append("doi={https://doi.org/").Append(Value(doi)).Append("},\n");
        }

        entry.Append(Indent).Append("url={").Append(paper.AbsUrl).Append("}, \n");
        entry.Append('}');
        return entry.ToString();
    }

    private static string Authors(ListedPaper paper) =>
        string.Join(" and ", ArxivAuthorName.ParseAll(paper.Authors).Select(a => a.FullName));

    /// <summary>
    /// A field's text on one line, as arXiv normalises it. arXiv's TeX is left alone (math, <c>\%</c>, <c>{\"o}</c>),
    /// except for a brace without its partner, which arXiv would copy and which would make BibTeX read the rest of
    /// the file as this field: such braces are dropped, so one odd title cannot break an export of hundreds.
    /// </summary>
    private static string Value(string text) => PaperText.SingleLine(BalancedBraces(text));

    private static string BalancedBraces(string text)
    {
        if (!text.Contains('{', StringComparison.Ordinal) && !text.Contains('}', StringComparison.Ordinal))
        {
            return text;
        }

        var unmatched = new HashSet<int>();
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                open.Push(i);
            }
            else if (text[i] == '}' && !open.TryPop(out _))
            {
                unmatched.Add(i);
            }
        }

        unmatched.UnionWith(open);
        return unmatched.Count == 0 ? text : string.Concat(text.Where((_, i) => !unmatched.Contains(i)));
    }

    private static List<string> UniqueKeys(List<string> keys)
    {
        var byRight = new HashSet<string>(keys, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            var candidate = key;
            // A suffixed key that is another paper's own key stays free for that paper.
            for (var n = 1; given.Contains(candidate) || (candidate != key && byRight.Contains(candidate)); n++)
            {
                candidate = key + Suffix(n);
            }

            given.Add(candidate);
            unique.Add(candidate);
        }

        return unique;
    }

    /// <summary>1 → a, 26 → z, 27 → aa: spreadsheet column letters.</summary>
    private static string Suffix(int n)
    {
        var letters = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('a' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }
}
