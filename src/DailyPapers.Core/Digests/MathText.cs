using System.Buffers;

namespace DailyPapers.Core.Digests;

/// <summary>
/// Shows the TeX of titles and abstracts readably as plain text, for emails where KaTeX cannot run.
/// </summary>
/// <remarks>
/// The rule: <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c> and <c>\[…\]</c> delimiters are dropped and their content
/// converted; known commands become their Unicode character (<c>\alpha</c> → α, <c>\leq</c> → ≤, <c>\mathbb{R}</c> → ℝ);
/// font commands show their argument (<c>\mathbf{x}</c> → x); <c>\frac{a}{b}</c> → a/b and <c>\sqrt{x}</c> → √x, with
/// brackets around a compound part ((a+b)/2, √(x+1)). In math, <c>^</c> and <c>_</c> become Unicode super- and
/// subscripts when every character has one and is not part of a word (x², βᵢ, xₜ₋₁); otherwise the caret or underscore stays,
/// with brackets around a compound script (e^(iπ), x_max). Unknown commands lose their backslash
/// (<c>\foo</c> → foo), braces disappear, and TeX accents in text become letters (<c>\'e</c> → é). Outside math,
/// <c>^</c>, <c>_</c> and <c>~</c> are left alone. Nothing is thrown, whatever the input.
/// </remarks>
public static class MathText
{
    private static readonly SearchValues<char> TexMarks = SearchValues.Create("\\${}");

    public static string Readable(string text)
    {
        // Most titles hold no TeX at all: return them as they are.
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAny(TexMarks))
        {
            return text ?? string.Empty;
        }

        return new TexConverter(text).Convert();
    }
}
