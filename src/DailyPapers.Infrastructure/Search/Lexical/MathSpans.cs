namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Where an abstract has LaTeX math (<c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>). The page renders it
/// with KaTeX, and a &lt;mark&gt; inside the delimiters would split the formula so it shows as raw source.
/// </summary>
internal static class MathSpans
{
    public static List<(int Start, int End)> Find(string text)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var (open, close) = Delimiters(text, i);
            if (open == 0)
            {
                i++;
                continue;
            }

            var end = text.IndexOf(close, i + open, StringComparison.Ordinal);
            if (end < 0)
            {
                // An unpaired delimiter is a dollar amount or a typo, not math.
                i += open;
                continue;
            }

            spans.Add((i, end + close.Length));
            i = end + close.Length;
        }

        return spans;
    }

    public static bool Contains(List<(int Start, int End)> spans, int offset)
    {
        foreach (var (start, end) in spans)
        {
            if (offset >= start && offset < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of the opening delimiter at <paramref name="i"/> (0 for none) and its closing one.</summary>
    private static (int Open, string Close) Delimiters(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '\\' when next == '(' => (2, "\\)"),
            '\\' when next == '[' => (2, "\\]"),
            '\\' => (0, ""),
            '$' when next == '$' => (2, "$$"),
            '$' when i == 0 || text[i - 1] != '\\' => (1, "$"),
            _ => (0, ""),
        };
    }
}
