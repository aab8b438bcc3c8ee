using System.Buffers;
using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>Character-level clean-up of query text: what the parser can rely on before it looks at syntax.</summary>
internal static class QueryText
{
    /// <summary>
    /// Cuts the text to <paramref name="maxLength"/> (at a space when one is near), turns control characters into
    /// spaces, drops invisible format characters and lone surrogates, applies NFKC (full-width letters, ligatures)
    /// and turns typographic quotes into <c>"</c>.
    /// </summary>
    public static string Sanitize(string text, int maxLength, out bool truncated)
    {
        truncated = text.Length > maxLength;
        if (truncated)
        {
            text = text[..CutPoint(text, maxLength)];
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c))
            {
                builder.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format || c is '\u200C' or '\u200D')
            {
                // Format characters (soft hyphens, bidi marks, zero-width spaces) are invisible and split words
                // that look whole; the joiners are kept because Persian and Indic words need them.
                builder.Append(Quotes.Contains(c) ? '"' : c);
            }
        }

        return Normalize(builder.ToString());
    }

    /// <summary>
    /// The word without surrounding punctuation and symbols (<c>(attention),</c> → <c>attention</c>), or null when
    /// nothing with a letter or digit is left. A trailing + or # after a letter stays: C++, C#, F#.
    /// </summary>
    public static string? CleanWord(string word)
    {
        var span = word.AsSpan();
        while (!span.IsEmpty && Rune.DecodeFromUtf16(span, out var first, out var length) == OperationStatus.Done
            && IsPunctuationOrSymbol(first))
        {
            span = span[length..];
        }

        var end = span.Length;
        while (end > 0 && Rune.DecodeLastFromUtf16(span[..end], out var last, out var length) == OperationStatus.Done
            && IsPunctuationOrSymbol(last))
        {
            end -= length;
        }

        var keep = end;
        while (keep < span.Length && span[keep] is '+' or '#')
        {
            keep++;
        }

        span = span[..(end > 0 ? keep : end)];
        foreach (var rune in span.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return span.ToString();
            }
        }

        return null;
    }

    private static bool IsPunctuationOrSymbol(Rune rune) => Rune.IsPunctuation(rune) || Rune.IsSymbol(rune);

    private static int CutPoint(string text, int maxLength)
    {
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        // Cutting at the last space keeps the last word whole, unless that would lose most of the text.
        for (var i = cut; i > cut / 2; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return cut;
    }

    private static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates are already gone; this guards against whatever else the platform's ICU rejects, since
            // a query is better searched un-normalised than not at all.
            return text;
        }
    }

    // Curly, low-9, guillemet and CJK corner quotes all delimit phrases, as people paste them from documents.
    private static readonly HashSet<char> Quotes = ['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB',
        '\u300C', '\u300D', '\u300E', '\u300F', '\u301D', '\u301E', '\uFF02'];
}
