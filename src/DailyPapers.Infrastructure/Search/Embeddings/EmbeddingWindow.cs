using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// <c>Search:Embeddings:Since</c>: which papers get a vector, by the date of their first version, so that a store of
/// all arXiv is searchable by meaning for recent years within hours instead of days. Papers before it are still found
/// by words. Empty: every paper. A date (<c>2023-01-01</c>) stays put; a period back from today (<c>P3Y</c>,
/// <c>P18M</c>, <c>P6W</c>, <c>P90D</c>, or combined as <c>P1Y6M</c>) moves with the calendar. Papers with no known
/// first-version date are embedded: nothing says they are old.
/// </summary>
public sealed partial class EmbeddingWindow
{
    /// <summary>What the error message and docs show as the accepted forms.</summary>
    public const string Expected = "a date such as 2023-01-01, a period back from today such as P3Y (years), P18M (months), P6W (weeks) or P90D (days), or empty for every paper";

    private readonly DateOnly? _from;
    private readonly (int Years, int Months, int Days)? _period;
    private readonly TimeProvider _time;

    private EmbeddingWindow(DateOnly? from, (int, int, int)? period, TimeProvider time) => (_from, _period, _time) = (from, period, time);

    /// <summary>Every paper, whatever its date.</summary>
    public static EmbeddingWindow All { get; } = new(null, null, TimeProvider.System);

    /// <summary>False when <paramref name="since"/> has none of the accepted forms (see <see cref="Expected"/>).</summary>
    public static bool TryParse(string? since, TimeProvider time, out EmbeddingWindow window)
    {
        window = All;
        var text = since?.Trim() ?? "";
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            window = new EmbeddingWindow(date, null, time);
            return true;
        }

        var match = Period().Match(text.ToUpperInvariant());
        if (!match.Success || match.Length == 1)
        {
            return false;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (years, months, weeks, days) = (Part("y"), Part("m"), Part("w"), Part("d"));
        if (years > 100 || months > 1200 || weeks > 5200 || days > 36_500)
        {
            return false;
        }

        window = new EmbeddingWindow(null, (years, months, (weeks * 7) + days), time);
        return true;
    }

    /// <summary>Parses a value the options validator has accepted.</summary>
    public static EmbeddingWindow Parse(string? since, TimeProvider time) =>
        TryParse(since, time, out var window)
            ? window
            : throw new FormatException($"{EmbeddingOptions.Section}:Since is '{since}'; expected {Expected}.");

    /// <summary>True when every paper is embedded.</summary>
    public bool IsAll => _from is null && _period is null;

    /// <summary>
    /// The first day (00:00 UTC) whose papers are embedded, or null for every paper. A period counts back from today
    /// (UTC), so the cutoff moves once a day, not with every call.
    /// </summary>
    public DateTime? Cutoff()
    {
        if (_from is { } from)
        {
            return from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (_period is not { } period)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var first = today.AddYears(-period.Years).AddMonths(-period.Months).AddDays(-period.Days);
        return first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    /// <summary>As configured, for messages: "papers since 2023-01-01", "papers of the last P3Y (since 2023-12-07)".</summary>
    public string Describe() => Cutoff() is not { } cutoff
        ? "every paper"
        : _period is null
            ? string.Create(CultureInfo.InvariantCulture, $"papers first submitted since {cutoff:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"papers first submitted since {cutoff:yyyy-MM-dd} ({Format(_period.Value)} back)");

    private static string Format((int Years, int Months, int Days) period) =>
        string.Create(CultureInfo.InvariantCulture, $"P{(period.Years > 0 ? $"{period.Years}Y" : "")}{(period.Months > 0 ? $"{period.Months}M" : "")}{(period.Days > 0 ? $"{period.Days}D" : "")}");

    [GeneratedRegex(@"^P(?:(?<y>\d{1,7})Y)?(?:(?<m>\d{1,7})M)?(?:(?<w>\d{1,7})W)?(?:(?<d>\d{1,7})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
