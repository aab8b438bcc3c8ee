using System.Text;
using Lucene.Net.Search.Highlight;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Encodes the text of a highlight for HTML, so that the only markup in a snippet is the highlighter's own
/// <c>&lt;mark&gt;</c>. Lucene's SimpleHTMLEncoder writes every non-ASCII character as a numeric reference, one per
/// UTF-16 unit, which turns emoji and other astral characters into two invalid references.
/// </summary>
internal sealed class MarkupEncoder : IEncoder
{
    public static MarkupEncoder Instance { get; } = new();

    public string EncodeText(string originalText)
    {
        if (originalText.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return originalText;
        }

        var encoded = new StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }
}
