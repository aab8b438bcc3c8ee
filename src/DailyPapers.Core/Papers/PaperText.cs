using System.Buffers;
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

        // Most titles, names and categories are already clean: return them without copying.
        if (IsSingleLine(text))
        {
            return text;
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
    public static string Paragraphs(string? text) => text is null ? string.Empty : Paragraphs(text.AsSpan());

    /// <inheritdoc cref="Paragraphs(string?)"/>
    public static string Paragraphs(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return string.Empty;
        }

        // One pass, copying runs of printable ASCII whole: bulk imports normalise every abstract, and the result is
        // never longer than the text (a joined line break becomes one space, "\n\n" or "\n  " two newlines).
        var output = ArrayPool<char>.Shared.Rent(text.Length);
        var writer = new ParagraphWriter(output);
        var rest = text;
        while (true)
        {
            var end = rest.IndexOfAny('\n', '\r');
            writer.Line(end < 0 ? rest : rest[..end]);
            if (end < 0)
            {
                break;
            }

            var crlf = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n';
            rest = rest[(end + (crlf ? 2 : 1))..];
        }

        var result = new string(output, 0, writer.Length);
        ArrayPool<char>.Shared.Return(output);
        return result;
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
    private static bool StartsParagraph(ReadOnlySpan<char> raw) => raw.StartsWith("  ", StringComparison.Ordinal);

    private static bool IsSingleLine(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            if (char.IsWhiteSpace(c) || IsDropped(c))
            {
                return false;
            }

            previousSpace = false;
        }

        return true;
    }

    /// <summary>Writes the paragraphs of <see cref="Paragraphs"/> line by line into a buffer.</summary>
    private ref struct ParagraphWriter(char[] output)
    {
        private int _length;
        private bool _paragraphHasText;
        private bool _breakPending;
        private bool _lineHasText;
        private bool _pendingSpace;

        public readonly int Length => _length;

        public void Line(ReadOnlySpan<char> raw)
        {
            if (_paragraphHasText && StartsParagraph(raw))
            {
                _breakPending = true;
            }

            _lineHasText = false;
            _pendingSpace = false;
            while (!raw.IsEmpty)
            {
                // Words of printable ASCII separated by single spaces are copied as one run.
                var special = raw.IndexOfAnyExceptInRange(' ', '~');
                var run = special < 0 ? raw : raw[..special];
                if (!run.IsEmpty && !run.Contains("  ", StringComparison.Ordinal))
                {
                    Run(run);
                }
                else
                {
                    foreach (var c in run)
                    {
                        Char(c);
                    }
                }

                if (special < 0)
                {
                    break;
                }

                Char(raw[special]);
                raw = raw[(special + 1)..];
            }

            if (!_lineHasText)
            {
                _breakPending = true;
                _paragraphHasText = false;
            }
        }

        private void Run(ReadOnlySpan<char> run)
        {
            var trimmed = run.TrimStart(' ');
            if (trimmed.Length < run.Length)
            {
                _pendingSpace = _lineHasText;
            }

            var body = trimmed.TrimEnd(' ');
            if (!body.IsEmpty)
            {
                Separate();
                body.CopyTo(output.AsSpan(_length));
                _length += body.Length;
            }

            if (body.Length < trimmed.Length)
            {
                _pendingSpace = _lineHasText;
            }
        }

        private void Char(char c)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _lineHasText;
                return;
            }

            if (IsDropped(c))
            {
                return;
            }

            Separate();
            output[_length++] = c;
        }

        // Before a line's first text: a paragraph break or a space joining the wrapped line; within it, one space.
        private void Separate()
        {
            if (!_lineHasText)
            {
                if (_breakPending && _length > 0)
                {
                    output[_length++] = '\n';
                    output[_length++] = '\n';
                }
                else if (_paragraphHasText)
                {
                    output[_length++] = ' ';
                }

                _breakPending = false;
                _lineHasText = _paragraphHasText = true;
            }
            else if (_pendingSpace)
            {
                output[_length++] = ' ';
            }

            _pendingSpace = false;
        }
    }

    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\uFFFE' or '\uFFFF' || (c >= '\u200B' && c <= '\u200D') || c == '\uFEFF';
}
