using System.Globalization;
using System.Text;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Citations;

/// <summary>
/// The citation key arXiv's "Export BibTeX citation" gives a paper (arxiv-browse, <c>browse/formatting/cite.py</c>):
/// the first author's key name, the year, and the first four title words that are not stop words, run together,
/// with everything but letters and digits dropped, lower-cased: <c>vaswani2023attentionneed</c>.
/// </summary>
public static class ArxivCiteKey
{
    private const int TitleWords = 4;

    private const string Unknown = "unknown";

    public static string Of(ListedPaper paper) => Of(ArxivAuthorName.ParseAll(paper.Authors), Year(paper), paper.Title);

    public static string Of(IReadOnlyList<ArxivAuthorName> authors, string year, string title)
    {
        var author = authors.Count > 0 ? authors[0].Keyname : Unknown;
        // arXiv splits its whitespace-normalised title on spaces: punctuation stays on its word ("for:" is no stop word).
        var words = PaperText.SingleLine(title).Split(' ').Where(w => !StopWords.Contains(w.ToLowerInvariant())).Take(TitleWords);
        return LettersAndDigits(author + year + string.Concat(words)).ToLowerInvariant();
    }

    /// <summary>
    /// The year arXiv cites: that of the latest version (<c>get_datetime_of_version(None)</c>), not the first, so a
    /// 2017 paper revised in 2023 is <c>vaswani2023…</c>; "unknown" when no date is known.
    /// </summary>
    public static string Year(ListedPaper paper) =>
        (paper.UpdatedAt ?? paper.SubmittedAt) is { } latest ? latest.UtcDateTime.Year.ToString("D4", CultureInfo.InvariantCulture) : Unknown;

    // Python's str.isalnum: letters of any script and numbers (so "peña2025…" keeps its ñ); marks and symbols go.
    private static string LettersAndDigits(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// arXiv's stop words: the Glasgow Information Retrieval Group's list (scikit-learn's English stop words), typos
    /// such as "fify" and "thickv" included, since a key made without them would differ from arXiv's.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(
        """
        a about above across after afterwards again against all almost alone along already also although always am
        among amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back
        be became because become becomes becoming been before beforehand behind being below beside besides between
        beyond bill both bottom but by call can cannot cant co con could couldnt cry de describe detail do done down
        due during each eg eight either eleven else elsewhere empty enough etc even ever every everyone everything
        everywhere except few fifteen fify fill find fire first five for former formerly forty found four from front
        full further get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers herself
        him himself his how however hundred ie if in inc indeed interest into is it its itself keep last latter
        latterly least less ltd made many may me meanwhile might mill mine more moreover most mostly move much must my
        myself name namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of
        off often on once one only onto or other others otherwise our ours ourselves out over own part per perhaps
        please put rather re same see seem seemed seeming seems serious several she should show side since sincere six
        sixty so some somehow someone something sometime sometimes somewhere still such system take ten than that the
        their them themselves then thence there thereafter thereby therefore therein thereupon these they thickv thin
        third this those though three through throughout thru thus to together too top toward towards twelve twenty
        two un under until up upon us very via was we well were what whatever when whence whenever where whereafter
        whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will
        with within without would yet you your yours yourself yourselves
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
