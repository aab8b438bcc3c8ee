using System.Buffers;
using System.Text;
using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>What each TeX command becomes.</summary>
internal sealed partial class TexConverter
{
    private void Command(StringBuilder sb, int end, bool math, int depth)
    {
        _pos++;
        if (_pos >= end)
        {
            return;
        }

        var c = tex[_pos];
        if (!char.IsAsciiLetter(c))
        {
            _pos++;
            ControlSymbol(sb, c, end, math, depth);
            return;
        }

        var start = _pos;
        while (_pos < end && char.IsAsciiLetter(tex[_pos]))
        {
            _pos++;
        }

        ControlWord(sb, tex[start.._pos], end, math, depth);
    }

    private void ControlSymbol(StringBuilder sb, char c, int end, bool math, int depth)
    {
        switch (c)
        {
            case '\\' or ',' or ':' or ';' or '>' or ' ' or '\t' or '\n' or '\r':
                sb.Append(' ');
                break;
            case '!' or '-' or '/' or ')' or ']':
                break;
            case '|':
                sb.Append('‖');
                break;
            case '(' or '[' when !math:
                var close = FindDelimiter(_pos, end, c == '(' ? "\\)" : "\\]");
                if (close < 0 || depth >= MaxDepth)
                {
                    sb.Append(c);
                    break;
                }

                MathContent(sb, close, depth);
                _pos = close + 2;
                break;
            case '\'' or '`' or '^' or '"' or '~' or '=' or '.' when !math:
                Accent(sb, c.ToString(), end, depth);
                break;
            default:
                // \% \& \# \_ \$ \{ \} and anything else: the character itself.
                sb.Append(c);
                break;
        }
    }

    private void ControlWord(StringBuilder sb, string name, int end, bool math, int depth)
    {
        if (TexSymbols.Ordinary.TryGetValue(name, out var symbol))
        {
            sb.Append(symbol);
            if (math)
            {
                // As in TeX: 2\pi r is 2πr.
                SkipSpaces(end);
            }
        }
        else if (TexSymbols.Operators.TryGetValue(name, out var op))
        {
            sb.Append(' ').Append(op).Append(' ');
            SkipSpaces(end);
        }
        else if (!math && TexSymbols.TextLetters.Contains(name))
        {
            sb.Append(TexAccents.Decode("\\" + name));
            if (_pos < end && tex[_pos] == ' ')
            {
                // One space only ends the command, as in TeX: S\o ren is Søren.
                _pos++;
            }
        }
        else if (!math && TexSymbols.LetterAccents.Contains(name))
        {
            Accent(sb, name, end, depth);
        }
        else if (TexSymbols.MathFonts.Contains(name))
        {
            sb.Append(Arg(end, math, depth));
        }
        else if (TexSymbols.TextFonts.Contains(name))
        {
            sb.Append(Arg(end, math: false, depth));
        }
        else if (TexSymbols.MathAccents.TryGetValue(name, out var mark))
        {
            var arg = Arg(end, math, depth).Trim();
            sb.Append(arg.Length == 1 && char.IsLetter(arg[0]) ? (arg + mark).Normalize(NormalizationForm.FormC) : arg);
        }
        else if (TexSymbols.Invisible.Contains(name))
        {
            // \left. and \right. size an invisible delimiter.
            if (_pos < end && tex[_pos] == '.' && (name is "left" or "right" or "middle" || name.StartsWith("big", StringComparison.OrdinalIgnoreCase)))
            {
                _pos++;
            }
        }
        else if (TexSymbols.Hidden.Contains(name))
        {
            _ = Arg(end, math, depth);
        }
        else
        {
            Structure(sb, name, end, math, depth);
        }
    }

    /// <summary>Commands with a shape of their own, then unknown commands and function names.</summary>
    private void Structure(StringBuilder sb, string name, int end, bool math, int depth)
    {
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac":
                var numerator = Operand(Arg(end, math, depth));
                var denominator = Operand(Arg(end, math, depth));
                sb.Append(numerator).Append('/').Append(denominator);
                break;
            case "binom" or "dbinom" or "tbinom":
                var n = Arg(end, math, depth).Trim();
                var k = Arg(end, math, depth).Trim();
                sb.Append("C(").Append(n).Append(", ").Append(k).Append(')');
                break;
            case "sqrt":
                var index = OptionalArg(end, math, depth).Trim();
                var radicand = Radicand(Arg(end, math, depth));
                sb.Append(index.Length == 0 ? "" : TexSymbols.Script(index, superscript: true) ?? $"({index})")
                    .Append('√').Append(radicand);
                break;
            case "mathbb":
                var letter = Arg(end, math, depth).Trim();
                sb.Append(TexSymbols.Blackboard.TryGetValue(letter, out var doubleStruck) ? doubleStruck : letter);
                break;
            case "url":
                sb.Append(RawArg(end));
                break;
            case "href":
                var url = RawArg(end);
                sb.Append(Arg(end, math: false, depth)).Append(" (").Append(url).Append(')');
                break;
            case "quad" or "qquad" or "enspace" or "thinspace" or "medspace" or "thickspace" or "space":
                sb.Append(' ');
                break;
            case "operatorname":
                if (_pos < end && tex[_pos] == '*')
                {
                    _pos++;
                }

                Function(sb, Arg(end, math, depth).Trim(), math);
                break;
            default:
                Function(sb, name, math);
                break;
        }
    }

    /// <summary>A function name (<c>\log</c>) or an unknown command, set apart from a letter before it: n\log n → n log n.</summary>
    private static void Function(StringBuilder sb, string name, bool math)
    {
        if (math && sb.Length > 0 && char.IsLetterOrDigit(sb[^1]))
        {
            sb.Append(' ');
        }

        sb.Append(name);
    }

    /// <summary>A part of a fraction or root, bracketed when it is compound: (a+b)/2, √(x+1).</summary>
    private static string Operand(string text)
    {
        var trimmed = text.Trim();
        return trimmed.AsSpan().ContainsAny(CompoundMarks) ? $"({trimmed})" : trimmed;
    }

    /// <summary>Under a root even two letters are bracketed, √(dT), unless a number or one symbol with its scripts: √10, √dₖ.</summary>
    private static string Radicand(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.All(char.IsAsciiDigit))
        {
            return trimmed;
        }

        var symbol = trimmed.Length > 1 && char.IsSurrogatePair(trimmed, 0) ? 2 : 1;
        foreach (var c in trimmed.AsSpan(Math.Min(symbol, trimmed.Length)))
        {
            if (!TexSymbols.IsScript(c))
            {
                return $"({trimmed})";
            }
        }

        return trimmed;
    }

    /// <summary>A super- or subscript: Unicode when it has one, else a caret or underscore (e^(iπ), x_max).</summary>
    private static string ScriptText(string script, bool superscript)
    {
        var text = script.Trim();
        if (text.Length == 0)
        {
            return text;
        }

        // x*, x′, A†: these read well on the line.
        if (superscript && text is "*" or "∗" or "′" or "′′" or "'" or "''" or "†")
        {
            return text;
        }

        if (!HasWord(text) && TexSymbols.Script(text, superscript) is { } mapped)
        {
            return mapped;
        }

        var mark = superscript ? '^' : '_';
        // One character, an ASCII word or a bracket already: no brackets needed.
        var bare = text.Length == 1 || (text.Length == 2 && char.IsSurrogatePair(text, 0)) || text.All(char.IsAsciiLetterOrDigit)
            || (text[0] == '(' && text.IndexOf(')', StringComparison.Ordinal) == text.Length - 1);
        return bare ? mark + text : $"{mark}({text})";
    }

    // Three letters in a row are a word (max, train), clearer as x_max than in tiny letters.
    private static bool HasWord(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsLetter(c) ? run + 1 : 0;
            if (run >= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> CompoundMarks = SearchValues.Create(" +-−±·×÷/=<>≤≥,");
}
