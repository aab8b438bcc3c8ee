using System.Buffers;
using System.Text;

namespace DailyPapers.Core.Digests;

/// <summary>Escaping for the HTML part: every text and URL put into an email passes through here.</summary>
internal static class EmailHtml
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    public static string Escape(string text) =>
        text.AsSpan().ContainsAny(Special) ? Append(new StringBuilder(text.Length + 16), text).ToString() : text;

    public static StringBuilder Append(StringBuilder sb, string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(Special);
            if (at < 0)
            {
                return sb.Append(rest);
            }

            sb.Append(rest[..at]).Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            rest = rest[(at + 1)..];
        }
    }
}
