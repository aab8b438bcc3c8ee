using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Web;

/// <summary>
/// One file of the sitemap, named <c>/sitemaps/{kind}-{number}.xml</c> (<c>days-1.xml</c>, <c>papers-54.xml</c>):
/// file N of a kind holds the URLs at positions (N-1)·size to N·size-1 of that kind's order (oldest day first; papers
/// in <see cref="Infrastructure.Papers.SitemapQueries"/>'s order), so a new day or paper changes the last file only.
/// </summary>
public readonly partial record struct SitemapFile(SitemapFileKind Kind, int Number)
{
    public string Path => string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{Kind.ToString().ToLowerInvariant()}-{Number}.xml");

    /// <summary>The file of this name (<c>papers-3.xml</c>): one spelling per file, so no leading zeros and no number 0.</summary>
    public static bool TryParse(string? name, out SitemapFile file)
    {
        file = default;
        var match = name is null ? Match.Empty : NamePattern().Match(name);
        if (!match.Success)
        {
            return false;
        }

        file = new SitemapFile(Enum.Parse<SitemapFileKind>(match.Groups[1].ValueSpan, ignoreCase: true), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The files that hold <paramref name="count"/> URLs of a kind, <paramref name="perFile"/> to a file.</summary>
    public static IEnumerable<SitemapFile> Covering(SitemapFileKind kind, long count, int perFile)
    {
        for (long number = 1; (number - 1) * perFile < count; number++)
        {
            yield return new SitemapFile(kind, checked((int)number));
        }
    }

    // Nine digits: more files than any store needs, and (N-1)·50,000 still fits a long.
    [GeneratedRegex(@"^(days|weeks|months|papers)-([1-9][0-9]{0,8})\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
