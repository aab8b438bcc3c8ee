using System.Text;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Feeds;

/// <summary>
/// Text as feeds carry it: math left as TeX (<c>$x^2$</c>), as arXiv's own feeds do, since feed readers run no
/// script; characters XML 1.0 cannot hold (control codes a source let through) dropped rather than failing the feed.
/// </summary>
public static class FeedText
{
    /// <summary>A title or name on one line, whitespace collapsed, XML-safe.</summary>
    public static string Line(string text) => Clean(PaperText.SingleLine(text));

    /// <summary>Text with only the characters XML 1.0 allows (tab, newlines, and from U+0020, surrogate pairs whole).</summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
