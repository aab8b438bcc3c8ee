using System.Text;

namespace DailyPapers.Core.Digests;

/// <summary>Word wrap for the plain-text part. A word longer than a line (a URL) gets a line of its own, unbroken.</summary>
internal static class TextWrap
{
    public const int Width = 76;

    /// <summary>Appends one line of text as wrapped lines, each ending in a newline; nothing for empty text.</summary>
    public static StringBuilder Append(StringBuilder sb, string text, string firstIndent, string indent)
    {
        var column = -1;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (column < 0)
            {
                sb.Append(firstIndent).Append(word);
                column = firstIndent.Length + word.Length;
            }
            else if (column + 1 + word.Length <= Width)
            {
                sb.Append(' ').Append(word);
                column += 1 + word.Length;
            }
            else
            {
                sb.Append('\n').Append(indent).Append(word);
                column = indent.Length + word.Length;
            }
        }

        return column < 0 ? sb : sb.Append('\n');
    }

    public static StringBuilder Append(StringBuilder sb, string text, string indent = "") => Append(sb, text, indent, indent);
}
