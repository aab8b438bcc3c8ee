using System.Text;

namespace DailyPapers.Core.Papers;

/// <summary>
/// Normalises the text arXiv and its mirrors serve: hard-wrapped lines (continuations indented), stray control
/// characters and replacement characters from broken encodings.
/// </summary>
public static class PaperText
{
    /// <summary>Collapses all whitespace to single spaces and removes control characters.</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (IsDropped(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Joins hard-wrapped lines into paragraphs separated by a blank line. A paragraph starts after a blank line
    /// or at a line indented after an unindented one (arXiv's convention for a new paragraph in an abstract).
    /// </summary>
    public static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            var line = SingleLine(raw);
            if (line.Length == 0 || (indented && current.Length > 0 && StartsParagraph(raw)))
            {
                Flush(paragraphs, current);
                if (line.Length == 0)
                {
                    continue;
                }
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush(paragraphs, current);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The first <paramref name="maxChars"/> characters of the text, cut at a word boundary.</summary>
    public static string Snippet(string text, int maxChars)
    {
        var flat = SingleLine(text);
        if (flat.Length <= maxChars)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', maxChars);
        return string.Concat(flat.AsSpan(0, cut > maxChars / 2 ? cut : maxChars), "…");
    }

    public static bool HasReplacementCharacters(string text) => text.Contains('\uFFFD', StringComparison.Ordinal);

    // A wrapped line of an abstract is never indented in arXiv's metadata, except the whole-abstract indent of
    // the Kaggle dump ("  A fully…") which starts the first paragraph anyway; indentation of two spaces after
    // text therefore marks a new paragraph.
    private static bool StartsParagraph(string raw) => raw.StartsWith("  ", StringComparison.Ordinal);

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\uFFFE' or '\uFFFF' || (c >= '\u200B' && c <= '\u200D') || c == '\uFEFF';
}
