using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Recommendations;

/// <summary>
/// scikit-learn's word analyzer as arxiv-sanity-lite configures it: lowercase, strip accents (NFKD, drop combining
/// marks), tokens of the pattern <c>\b[a-zA-Z_][a-zA-Z0-9_]+\b</c>, stop words removed, then n-grams of the tokens
/// that remain (so a bigram can span a removed stop word, as in sklearn).
/// </summary>
internal static partial class WordNgramAnalyzer
{
    public static List<string> Terms(string text, int maxNgram, bool removeStopWords)
    {
        var prepared = StripAccents(text.ToLowerInvariant());
        var tokens = new List<string>();
        foreach (var match in Token().EnumerateMatches(prepared))
        {
            var token = prepared.Substring(match.Index, match.Length);
            if (!removeStopWords || !EnglishStopWords.All.Contains(token))
            {
                tokens.Add(token);
            }
        }

        var words = tokens.ToArray();
        var terms = new List<string>(words.Length * maxNgram);
        terms.AddRange(words);
        for (var n = 2; n <= maxNgram; n++)
        {
            for (var start = 0; start + n <= words.Length; start++)
            {
                terms.Add(string.Join(' ', words, start, n));
            }
        }

        return terms;
    }

    /// <summary>sklearn's strip_accents='unicode': ASCII text is returned as is.</summary>
    internal static string StripAccents(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    [GeneratedRegex(@"\b[a-zA-Z_][a-zA-Z0-9_]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
