using System.Text.RegularExpressions;

namespace DailyPapers.Core.Citations;

/// <summary>
/// An author's name split as arXiv splits the names of its author lines (arxiv-base, <c>arxiv/authors</c>): the key
/// name (the surname with its particles, "van der Berg"), the forenames and a suffix ("Jr."). arXiv builds its BibTeX
/// keys and its <c>citation_author</c> tags from this split, so the citation formats here use the same one.
/// </summary>
public sealed partial record ArxivAuthorName(string Keyname, string Forenames, string Suffix)
{
    /// <summary>Splits one display name ("Ludwig van Beethoven", "John Smith Jr.", "Plato").</summary>
    public static ArxivAuthorName Parse(string name) => Split(Tidy(name));

    /// <summary>
    /// Splits a paper's author list as arXiv does: "et al." is not an author, and leading names that end in
    /// "Collaboration", "Group" or "Team" are one key name each (arXiv keeps only the part its pattern matches).
    /// </summary>
    public static IReadOnlyList<ArxivAuthorName> ParseAll(IEnumerable<string> names)
    {
        var parsed = new List<ArxivAuthorName>();
        var leading = true;
        foreach (var name in names.Select(Tidy).Where(n => n.Length > 0 && !EtAl().IsMatch(n)))
        {
            if (leading && Collaboration().Match(name) is { Success: true } collaboration)
            {
                parsed.Add(new ArxivAuthorName(collaboration.Groups[1].Value, "", ""));
                continue;
            }

            leading = false;
            parsed.Add(Split(name));
        }

        return parsed;
    }

    /// <summary>"Forenames Keyname Suffix": how arXiv's BibTeX lists an author.</summary>
    public string FullName => Join(" ", Forenames, Keyname, Suffix);

    /// <summary>"Keyname, Forenames, Suffix": the RIS layout (a single-field name when there are no forenames).</summary>
    public string KeynameFirst => Join(", ", Keyname, Forenames, Suffix);

    /// <summary>"Keyname Suffix, Forenames": arXiv's <c>citation_author</c> layout, which Google Scholar and Zotero read.</summary>
    public string ScholarName => Join(", ", Join(" ", Keyname, Suffix), Forenames);

    private static ArxivAuthorName Split(string name)
    {
        if (DoublePrefix().Match(name) is { Success: true } twice)
        {
            return new($"{twice.Groups[2].Value} {twice.Groups[3].Value} {twice.Groups[4].Value}", twice.Groups[1].Value, "");
        }

        if (Prefix().Match(name) is { Success: true } once)
        {
            return new($"{once.Groups[2].Value} {once.Groups[3].Value}", once.Groups[1].Value, "");
        }

        if (WithSuffix().Match(name) is { Success: true } suffixed)
        {
            return new(suffixed.Groups[2].Value, suffixed.Groups[1].Value, suffixed.Groups[3].Value);
        }

        return LastWord().Match(name) is { Success: true } plain
            ? new(plain.Groups[2].Value, plain.Groups[1].Value, "")
            : new(name, "", "");
    }

    // arXiv collapses runs of spaces and puts a space after an initial's dot ("A.B. Smith" is "A. B. Smith").
    private static string Tidy(string name) => InitialDot().Replace(Spaces().Replace(name.Trim(), " "), ". $1");

    private static string Join(string separator, params string[] parts) =>
        string.Join(separator, parts.Where(p => p.Length > 0));

    private const string Particle = "van|der|de|la|von|del|della|da|mac|ter|dem|di|vaziri";

    [GeneratedRegex(@"^(.*)\s+(" + Particle + @")\s(" + Particle + @")\s(\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoublePrefix();

    [GeneratedRegex(@"^(.*)\s+(" + Particle + @")\s(\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(.*)\s+(\S+)\s(I|II|III|IV|V|Sr|Jr|Sr\.|Jr\.)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithSuffix();

    [GeneratedRegex(@"^(.*)\s+(\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LastWord();

    [GeneratedRegex(@"([a-z0-9\s]+\s+(collaboration|group|team))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Collaboration();

    [GeneratedRegex(@"^\s*et\.?\s+al\.?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"\s\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<!\\)\.(\S)", RegexOptions.CultureInvariant)]
    private static partial Regex InitialDot();
}
