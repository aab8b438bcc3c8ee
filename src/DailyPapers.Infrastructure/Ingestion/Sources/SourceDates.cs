using System.Globalization;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>Parses the date layouts arXiv and Hugging Face serve; all of them say their offset or mean UTC.</summary>
internal static class SourceDates
{
    private static readonly string[] Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", // Kaggle versions[].created, arXivRaw <date> (RFC 1123)
        "ddd, d MMM yyyy HH:mm:ss zzz", // RSS pubDate "Fri, 23 Feb 2024 00:00:00 -0500" (RFC 822)
        "yyyy-MM-dd", // OAI-PMH arXiv <created>, dc:date
    ];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParseRfc1123Gmt(text, out var fast))
        {
            return fast;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out var exact))
        {
            return exact;
        }

        // ISO 8601 in its many spellings (Atom, OAI-PMH responseDate, the HF API).
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var parsed) ? parsed : null;
    }

    public static DateOnly UtcDay(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    // "Mon, 2 Apr 2007 19:18:42 GMT", twice on every Kaggle line: the general parser costs a tenth of the reader's time.
    private static bool TryParseRfc1123Gmt(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 28 || s[3] != ',' || s[4] != ' ' || !s.EndsWith(" GMT", StringComparison.Ordinal))
        {
            return false;
        }

        s = s[5..^4];
        var dayLength = s.IndexOf(' ');
        if (dayLength is < 1 or > 2 || s.Length != dayLength + 1 + 3 + 1 + 4 + 1 + 8
            || !int.TryParse(s[..dayLength], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        s = s[(dayLength + 1)..]; // "Apr 2007 19:18:42"
        var month = Array.IndexOf(Months, s[..3].ToString()) + 1;
        if (month == 0 || s[3] != ' ' || s[8] != ' ' || s[11] != ':' || s[14] != ':'
            || !int.TryParse(s[4..8], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s[9..11], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(s[12..14], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(s[15..17], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }
}
