using System.Text;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>One pass over a text that turns its TeX into plain text, by the rule described on <see cref="MathText"/>.</summary>
internal sealed partial class TexConverter(string tex)
{
    // Deeper nesting than this is not TeX anyone writes; past it, groups are copied flat, so that hostile input
    // cannot exhaust the stack.
    private const int MaxDepth = 32;

    private int _pos;

    // Where a search for a closing math delimiter last failed: a later search from further on, within no more text,
    // fails too, so a text full of unclosed "\(" stays linear.
    private readonly Dictionary<string, (int From, int End)> _unclosed = new(StringComparer.Ordinal);

    public string Convert()
    {
        var sb = new StringBuilder(tex.Length);
        Run(sb, tex.Length, math: false, depth: 0);
        return Tidy(sb);
    }

    private void Run(StringBuilder sb, int end, bool math, int depth)
    {
        while (_pos < end)
        {
            var c = tex[_pos];
            if (c == '\\')
            {
                Command(sb, end, math, depth);
            }
            else if (c == '$' && !math)
            {
                MathSpan(sb, end, depth);
            }
            else if (c == '{')
            {
                _pos++;
                Group(sb, end, math, depth);
            }
            else if (c == '}')
            {
                _pos++;
            }
            else if (math && (c == '^' || c == '_'))
            {
                _pos++;
                sb.Append(ScriptText(Arg(end, math: true, depth), superscript: c == '^'));
            }
            else
            {
                sb.Append(math && (c == '~' || char.IsWhiteSpace(c)) ? ' ' : c);
                _pos++;
            }
        }
    }

    /// <summary>The content of a group whose <c>{</c> was just read, up to its <c>}</c> or the end.</summary>
    private void Group(StringBuilder sb, int end, bool math, int depth)
    {
        var close = FindClosingBrace(end);
        var inner = close < 0 ? end : close;
        if (depth >= MaxDepth)
        {
            foreach (var c in tex.AsSpan(_pos, inner - _pos))
            {
                if (c is not ('\\' or '{' or '}'))
                {
                    sb.Append(c);
                }
            }
        }
        else
        {
            Run(sb, inner, math, depth + 1);
        }

        _pos = close < 0 ? end : close + 1;
    }

    /// <summary>A math span opened by <c>$</c> or <c>$$</c> at the current position; unclosed, the dollar is text.</summary>
    private void MathSpan(StringBuilder sb, int end, int depth)
    {
        var open = _pos + 1 < end && tex[_pos + 1] == '$' ? "$$" : "$";
        var close = FindDelimiter(_pos + open.Length, end, open);
        if (close < 0 || depth >= MaxDepth)
        {
            sb.Append(open);
            _pos += open.Length;
            return;
        }

        _pos += open.Length;
        MathContent(sb, close, depth);
        _pos = close + open.Length;
    }

    /// <summary>Converts math up to <paramref name="close"/>, without the spaces at its ends.</summary>
    private void MathContent(StringBuilder sb, int close, int depth)
    {
        var start = sb.Length;
        Run(sb, close, math: true, depth + 1);
        while (sb.Length > start && sb[^1] == ' ')
        {
            sb.Length--;
        }

        var leading = 0;
        while (start + leading < sb.Length && sb[start + leading] == ' ')
        {
            leading++;
        }

        sb.Remove(start, leading);
    }

    /// <summary>
    /// A command argument: a group, a command or one character. Does not consume a closing brace or a dollar, which
    /// belong to what surrounds the command.
    /// </summary>
    private string Arg(int end, bool math, int depth)
    {
        SkipSpaces(end);
        if (_pos >= end || depth >= MaxDepth)
        {
            return string.Empty;
        }

        var c = tex[_pos];
        if (c is '}' or '$' || (math && c is '^' or '_'))
        {
            return string.Empty;
        }

        if (c is '{' or '\\')
        {
            var sb = new StringBuilder();
            if (c == '{')
            {
                _pos++;
                Group(sb, end, math, depth + 1);
            }
            else
            {
                Command(sb, end, math, depth + 1);
            }

            return sb.ToString();
        }

        var length = char.IsHighSurrogate(c) && _pos + 1 < end && char.IsLowSurrogate(tex[_pos + 1]) ? 2 : 1;
        _pos += length;
        return tex.Substring(_pos - length, length);
    }

    /// <summary>An argument taken as it is written (a URL), braces removed.</summary>
    private string RawArg(int end)
    {
        SkipSpaces(end);
        if (_pos >= end || tex[_pos] != '{')
        {
            return string.Empty;
        }

        _pos++;
        var close = FindClosingBrace(end);
        var inner = close < 0 ? end : close;
        var raw = tex[_pos..inner];
        _pos = close < 0 ? end : close + 1;
        return raw;
    }

    /// <summary>The optional argument of <c>\sqrt[n]{x}</c>, or empty.</summary>
    private string OptionalArg(int end, bool math, int depth)
    {
        SkipSpaces(end);
        if (_pos >= end || tex[_pos] != '[')
        {
            return string.Empty;
        }

        var close = tex.IndexOf(']', _pos, end - _pos);
        if (close < 0 || depth >= MaxDepth)
        {
            return string.Empty;
        }

        _pos++;
        var sb = new StringBuilder();
        Run(sb, close, math, depth + 1);
        _pos = close + 1;
        return sb.ToString();
    }

    private void SkipSpaces(int end)
    {
        while (_pos < end && char.IsWhiteSpace(tex[_pos]))
        {
            _pos++;
        }
    }

    private int FindClosingBrace(int end)
    {
        var nesting = 0;
        for (var i = _pos; i < end; i++)
        {
            switch (tex[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    nesting++;
                    break;
                case '}' when nesting-- == 0:
                    return i;
            }
        }

        return -1;
    }

    private int FindDelimiter(int from, int end, string delimiter)
    {
        if (_unclosed.TryGetValue(delimiter, out var failed) && from >= failed.From && end <= failed.End)
        {
            return -1;
        }

        for (var i = from; i < end; i++)
        {
            if (tex.AsSpan(i, end - i).StartsWith(delimiter, StringComparison.Ordinal))
            {
                return i;
            }

            if (tex[i] == '\\')
            {
                i++;
            }
        }

        _unclosed[delimiter] = (from, end);
        return -1;
    }

    /// <summary>Runs of spaces (left by operators and dropped commands) become one; no spaces at the ends.</summary>
    private static string Tidy(StringBuilder sb)
    {
        var result = new StringBuilder(sb.Length);
        var space = true;
        foreach (var chunk in sb.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c != ' ' || !space)
                {
                    result.Append(c);
                }

                space = c == ' ';
            }
        }

        if (result.Length > 0 && result[result.Length - 1] == ' ')
        {
            result.Length--;
        }

        return result.ToString();
    }

    /// <summary>A TeX accent on a letter in text (<c>\'e</c>, <c>\v{s}</c>), decoded as arXiv's names are.</summary>
    private void Accent(StringBuilder sb, string accent, int end, int depth)
    {
        var letter = Arg(end, math: false, depth);
        if (letter == "ı")
        {
            letter = "i";
        }

        sb.Append(letter.Length == 1 && char.IsAsciiLetter(letter[0])
            ? TexAccents.Decode($"\\{accent}{{{letter}}}")
            : letter);
    }
}
