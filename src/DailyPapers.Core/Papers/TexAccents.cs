using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Papers;

/// <summary>Decodes the TeX accents arXiv keeps in author names (<c>Bal\'azs</c> → Balázs).</summary>
public static partial class TexAccents
{
    public static string Decode(string name)
    {
        if (!name.Contains('\\', StringComparison.Ordinal) && !name.Contains('{', StringComparison.Ordinal))
        {
            return name;
        }

        var decoded = AccentPattern().Replace(name, m =>
        {
            var letter = m.Groups["letter"].Value;
            if (letter.Length == 0)
            {
                return m.Value;
            }

            if (m.Groups["accent"].Value == "" && Specials.TryGetValue(letter, out var special))
            {
                return special;
            }

            return Marks.TryGetValue(m.Groups["accent"].Value, out var mark)
                ? (letter.TrimStart('\\') + mark).Normalize(NormalizationForm.FormC)
                : m.Value;
        });
        // Braces that only grouped letters ({\"o}, {M}) carry no meaning in a display name.
        return decoded.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Marks = new(StringComparer.Ordinal)
    {
        ["'"] = "\u0301",
        ["`"] = "\u0300",
        ["^"] = "\u0302",
        ["\""] = "\u0308",
        ["~"] = "\u0303",
        ["="] = "\u0304",
        ["."] = "\u0307",
        ["u"] = "\u0306",
        ["v"] = "\u030C",
        ["H"] = "\u030B",
        ["c"] = "\u0327",
        ["k"] = "\u0328",
        ["r"] = "\u030A",
    };

    private static readonly Dictionary<string, string> Specials = new(StringComparer.Ordinal)
    {
        ["\\o"] = "ø",
        ["\\O"] = "Ø",
        ["\\l"] = "ł",
        ["\\L"] = "Ł",
        ["\\ss"] = "ß",
        ["\\ae"] = "æ",
        ["\\AE"] = "Æ",
        ["\\aa"] = "å",
        ["\\AA"] = "Å",
        ["\\i"] = "ı",
        ["\\oe"] = "œ",
        ["\\OE"] = "Œ",
    };

    // An accent on a letter (\'a, \"{o}, \c{c}, \v s), then a letter command (\o, \ss, \i). As in TeX (and arXiv's own
    // converter), one space after a letter command only ends the command: S\o ren is Søren.
    [GeneratedRegex(@"\\(?:(?<accent>['`^""~=.])\s*\{?(?<letter>\\?[A-Za-z])|(?<accent>[uvHckr])(?:\s+|\{)(?<letter>\\?[A-Za-z]))(?:(?<=\\[A-Za-z])\s)?\}?|(?<accent>)(?<letter>\\(?:ss|ae|AE|aa|AA|oe|OE|o|O|l|L|i))(?![A-Za-z])\s?", RegexOptions.CultureInvariant)]
    private static partial Regex AccentPattern();
}
