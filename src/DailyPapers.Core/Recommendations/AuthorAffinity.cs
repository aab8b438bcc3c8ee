using System.Text;

namespace DailyPapers.Core.Recommendations;

/// <summary>
/// How much a paper's authors overlap with the authors of the papers a reader liked: the implicit side of following
/// an author. A paper scores Σ ln(1 + n) over its distinct authors, n being how many of the liked papers that author
/// is on; a paper by nobody the reader has read scores 0. Names match case- and accent-insensitively, whitespace
/// collapsed, as written on arXiv (no identity resolution).
/// </summary>
public sealed class AuthorAffinity
{
    private readonly Dictionary<string, int> _papersByAuthor;

    private AuthorAffinity(Dictionary<string, int> papersByAuthor) => _papersByAuthor = papersByAuthor;

    /// <summary>The liked papers' authors that the affinity knows, with how many liked papers each is on.</summary>
    public IReadOnlyDictionary<string, int> Authors => _papersByAuthor;

    /// <param name="likedPapers">The author list of each paper the reader liked.</param>
    public static AuthorAffinity From(IEnumerable<IReadOnlyList<string>> likedPapers)
    {
        ArgumentNullException.ThrowIfNull(likedPapers);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var authors in likedPapers)
        {
            foreach (var name in Distinct(authors))
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        return new AuthorAffinity(counts);
    }

    public double Score(IReadOnlyList<string> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var score = 0d;
        if (_papersByAuthor.Count == 0)
        {
            return score;
        }

        foreach (var name in Distinct(authors))
        {
            if (_papersByAuthor.TryGetValue(name, out var papers))
            {
                score += Math.Log(1 + papers);
            }
        }

        return score;
    }

    /// <summary>The form names are compared in: lowercase, without accents, single spaces.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = WordNgramAnalyzer.StripAccents(name.ToLowerInvariant());
        var builder = new StringBuilder(plain.Length);
        foreach (var part in plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append(part);
        }

        return builder.ToString();
    }

    private static HashSet<string> Distinct(IReadOnlyList<string> authors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var author in authors)
        {
            var name = Normalize(author);
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
