using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>Turns the author layouts of arXiv's sources into display names ("First Last Suffix").</summary>
internal static partial class AuthorNames
{
    /// <summary>
    /// Splits arXiv's free-text author list ("A. Smith (MIT), B. Jones and C. Li") on commas and " and ",
    /// dropping parenthesised affiliations and keeping suffixes such as "Jr." with their name.
    /// </summary>
    public static IEnumerable<string> SplitList(string? authors)
    {
        if (string.IsNullOrWhiteSpace(authors))
        {
            yield break;
        }

        string? previous = null;
        foreach (var part in Separator().Split(WithoutParentheses(authors)))
        {
            var name = Whitespace().Replace(part, " ").Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (previous is not null && Suffix().IsMatch(name))
            {
                previous = $"{previous} {name}";
                continue;
            }

            if (previous is not null)
            {
                yield return previous;
            }

            previous = name;
        }

        if (previous is not null)
        {
            yield return previous;
        }
    }

    /// <summary>"Last, First" or "Last, First, Suffix" (Dublin Core) to "First Last Suffix"; other text as is.</summary>
    public static string FromLastFirst(string name)
    {
        var parts = name.Split(',', 3, StringSplitOptions.TrimEntries);
        return parts.Length == 1 ? name.Trim() : Join(parts[1], parts[0], parts.Length > 2 ? parts[2] : null);
    }

    public static string Join(string? first, string? last, string? suffix) => Join(first.AsSpan(), last.AsSpan(), suffix.AsSpan());

    /// <summary><see cref="Join(string?, string?, string?)"/> of parts in a buffer, making only the name's string.</summary>
    public static string Join(ReadOnlySpan<char> first, ReadOnlySpan<char> last, ReadOnlySpan<char> suffix)
    {
        // Most names are "First Last" with nothing to trim; the builder normalises whitespace anyway.
        if (suffix.IsEmpty && !first.IsWhiteSpace() && !last.IsWhiteSpace())
        {
            return string.Concat(first, " ", last);
        }

        var sb = new StringBuilder();
        Append(sb, first);
        Append(sb, last);
        Append(sb, suffix);
        return sb.ToString();

        static void Append(StringBuilder sb, ReadOnlySpan<char> part)
        {
            var trimmed = part.Trim();
            if (!trimmed.IsEmpty)
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(trimmed);
            }
        }
    }

    private static string WithoutParentheses(string text)
    {
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@",|\s+and\s+|;", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(Jr|Sr|II|III|IV)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();
}
