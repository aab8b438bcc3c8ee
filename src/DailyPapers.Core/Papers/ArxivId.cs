using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Papers;

/// <summary>
/// An arXiv identifier without its version: new style <c>YYMM.NNNN(N)</c> or old style <c>archive/YYMMNNN</c>.
/// Parsing accepts the forms people paste: <c>arXiv:</c> prefixes, abs/pdf URLs, OAI identifiers and a version suffix.
/// </summary>
public readonly partial record struct ArxivId
{
    private ArxivId(string value) => Value = value;

    public string Value { get; }

    public bool IsOldStyle => Value.Contains('/', StringComparison.Ordinal);

    public override string ToString() => Value;

    public static ArxivId Parse(string text) =>
        TryParse(text, out var id, out _) ? id : throw new FormatException(ExpectedFormat);

    public static bool TryParse(string? text, out ArxivId id) => TryParse(text, out id, out _);

    /// <summary>Parses an id, returning the version (1 or more) when the text carried one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId id, out int? version)
    {
        id = default;
        version = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return false;
        }

        if (IsPlainNewStyle(text))
        {
            id = new ArxivId(text);
            return true;
        }

        var match = IdPattern().Match(StripWrapping(text.Trim()));
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["version"].Success)
        {
            if (!int.TryParse(match.Groups["version"].ValueSpan, out var v) || v < 1)
            {
                return false;
            }

            version = v;
        }

        if (match.Groups["newYymm"].Success)
        {
            var yymm = match.Groups["newYymm"].Value;
            var number = match.Groups["newNumber"].Value;
            // New-style ids began in 0704; five-digit numbers began in 1501, before that there were four.
            if (!IsValidMonth(yymm) || string.CompareOrdinal(yymm, "0704") < 0
                || (number.Length == 5) != (string.CompareOrdinal(yymm, "1501") >= 0))
            {
                return false;
            }

            id = new ArxivId($"{yymm}.{number}");
            return true;
        }

        var oldYymm = match.Groups["oldYymm"].Value;
        if (!IsValidMonth(oldYymm) || !IsOldStyleMonth(oldYymm))
        {
            return false;
        }

        // The subject class (math.GT/…) is not part of the canonical identifier.
        id = new ArxivId($"{match.Groups["archive"].Value.ToLowerInvariant()}/{oldYymm}{match.Groups["oldNumber"].Value}");
        return true;
    }

    /// <summary>
    /// True for text shaped like a new-style id even when no such id can exist (9999.99999): pages answer those
    /// with "not found" rather than "malformed", as arXiv does.
    /// </summary>
    public static bool HasIdShape(string? text) => text is not null && IdShape().IsMatch(text);

    public const string ExpectedFormat =
        "an arXiv id such as 2406.12345, 2406.12345v2 or hep-th/9901001 (an arxiv.org URL works too)";

    // "2406.12345", the form nearly every bulk record carries: recognised without the regex, and the text is the id.
    // Anything else, valid or not, goes the general way.
    private static bool IsPlainNewStyle(string text)
    {
        if (text.Length is not (9 or 10) || text[4] != '.')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != 4 && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var yymm = text.AsSpan(0, 4);
        var month = yymm[2..];
        return month.SequenceCompareTo("01") >= 0 && month.SequenceCompareTo("12") <= 0
            && yymm.SequenceCompareTo("0704") >= 0
            && (text.Length == 10) == (yymm.SequenceCompareTo("1501") >= 0);
    }

    private static string StripWrapping(string text)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        if (text.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        return text.TrimEnd('/');
    }

    private static readonly string[] Prefixes =
    [
        "https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/", "http://arxiv.org/pdf/",
        "https://www.arxiv.org/abs/", "https://www.arxiv.org/pdf/", "http://www.arxiv.org/abs/", "http://www.arxiv.org/pdf/",
        "arxiv.org/abs/", "arxiv.org/pdf/",
        "https://export.arxiv.org/abs/", "http://export.arxiv.org/abs/",
        "https://huggingface.co/papers/", "huggingface.co/papers/",
        "oai:arXiv.org:", "arXiv:",
    ];

    private static bool IsValidMonth(string yymm) => yymm[2..] is "01" or "02" or "03" or "04" or "05" or "06" or "07"
        or "08" or "09" or "10" or "11" or "12";

    // Old-style ids ran from 1991-08 to 2007-03.
    private static bool IsOldStyleMonth(string yymm) =>
        string.CompareOrdinal(yymm, "9108") >= 0 || string.CompareOrdinal(yymm, "0703") <= 0;

    // [0-9], not \d: \d also matches other scripts' digits (٢٤٠٦), which are not an id.
    [GeneratedRegex(
        @"^(?:(?<newYymm>[0-9]{4})\.(?<newNumber>[0-9]{4,5})|(?<archive>[a-zA-Z][a-zA-Z\-]*)(?:\.[A-Za-z\-]{1,4})?/(?<oldYymm>[0-9]{4})(?<oldNumber>[0-9]{3}))(?:v(?<version>[0-9]{1,4}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{4}\.[0-9]{4,5}(?:v[0-9]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}
