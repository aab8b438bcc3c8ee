using System.Text.RegularExpressions;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Tells arXiv category codes (cs.LG, hep-th) from the other classifications that travel with them: ACM and MSC
/// classes ("I.2.7;", "68T50,") appear in Atom <c>category</c> terms and in 2% of the arxiv-cs file's
/// <c>categories</c>. The builder rejects a whole paper for one of those, so readers keep only the codes.
/// </summary>
internal static partial class ArxivCategoryCodes
{
    // The same shape PaperRecordBuilder accepts.
    public static bool IsCode(string? text) => text is not null && CodePattern().IsMatch(text);

    /// <summary>The space-separated list with everything that is not an arXiv category code left out.</summary>
    public static string? KeepCodes(string? categories)
    {
        if (categories is null)
        {
            return null;
        }

        if (LooksLikeCodesOnly(categories))
        {
            return categories;
        }

        var parts = categories.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Where(IsCode));
    }

    // The common case, checked without allocating: only lowercase letters, '-', '.' and spaces, and every word
    // starts with a letter. Anything else (digits, capitals after no dot, ';') takes the slow path.
    private static bool LooksLikeCodesOnly(string categories)
    {
        var wordStart = true;
        var afterDot = false;
        foreach (var c in categories)
        {
            if (c == ' ')
            {
                wordStart = true;
                afterDot = false;
                continue;
            }

            var ok = wordStart ? c is >= 'a' and <= 'z'
                : c == '.' ? !afterDot
                : c is >= 'a' and <= 'z' or '-' || (afterDot && c is >= 'A' and <= 'Z');
            if (!ok)
            {
                return false;
            }

            afterDot |= c == '.';
            wordStart = false;
        }

        return true;
    }

    [GeneratedRegex(@"^[a-z][a-z\-]*(\.[A-Za-z][A-Za-z\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
