using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Listings;

/// <summary>A day, ISO week or month of listings, as the URLs name them (2025-06-10, 2025-W24, 2025-06).</summary>
public sealed partial record ListingPeriod(ListingPeriodKind Kind, DateOnly Start, DateOnly End)
{
    public static ListingPeriod Day(DateOnly day) => new(ListingPeriodKind.Day, day, day);

    public static ListingPeriod WeekOf(DateOnly day)
    {
        var start = DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday));
        return new(ListingPeriodKind.Week, start, start.AddDays(6));
    }

    public static ListingPeriod MonthOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return new(ListingPeriodKind.Month, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>The period's name in URLs: 2025-06-10, 2025-W24 or 2025-06.</summary>
    public string Key => Kind switch
    {
        ListingPeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ListingPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        _ => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>A heading for people: "Tuesday, June 10, 2025", "Week 24 of 2025 (Jun 9 – 15)", "June 2025".</summary>
    public string Title => Kind switch
    {
        ListingPeriodKind.Day => Start.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
        ListingPeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
            $"Week {ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue))} of {ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))} ({Start:MMM d} – {End:MMM d})"),
        _ => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
    };

    public string Path => Kind switch
    {
        ListingPeriodKind.Day => $"/papers/date/{Key}",
        ListingPeriodKind.Week => $"/papers/week/{Key}",
        _ => $"/papers/month/{Key}",
    };

    public ListingPeriod Previous() => Kind switch
    {
        ListingPeriodKind.Day => Day(Start.AddDays(-1)),
        ListingPeriodKind.Week => WeekOf(Start.AddDays(-7)),
        _ => MonthOf(Start.AddMonths(-1)),
    };

    public ListingPeriod Next() => Kind switch
    {
        ListingPeriodKind.Day => Day(Start.AddDays(1)),
        ListingPeriodKind.Week => WeekOf(Start.AddDays(7)),
        _ => MonthOf(Start.AddMonths(1)),
    };

    public static ListingPeriod Of(ListingPeriodKind kind, DateOnly day) => kind switch
    {
        ListingPeriodKind.Day => Day(day),
        ListingPeriodKind.Week => WeekOf(day),
        _ => MonthOf(day),
    };

    public static bool TryParse(ListingPeriodKind kind, string? text, out ListingPeriod period) => kind switch
    {
        ListingPeriodKind.Day => TryParseDay(text, out period),
        ListingPeriodKind.Week => TryParseWeek(text, out period),
        _ => TryParseMonth(text, out period),
    };

    /// <summary>What a URL of this kind must hold, for error messages ("a date as YYYY-MM-DD, …").</summary>
    public static string FormatOf(ListingPeriodKind kind) => kind switch
    {
        ListingPeriodKind.Day => DayFormat,
        ListingPeriodKind.Week => WeekFormat,
        _ => MonthFormat,
    };

    public const string DayFormat = "a date as YYYY-MM-DD, such as 2025-06-10";
    public const string WeekFormat = "an ISO week as YYYY-Www, such as 2025-W24";
    public const string MonthFormat = "a month as YYYY-MM, such as 2025-06";

    public static bool TryParseDay(string? text, out ListingPeriod period)
    {
        period = null!;
        if (text is null || !DayPattern().IsMatch(text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !InRange(day))
        {
            return false;
        }

        period = Day(day);
        return true;
    }

    public static bool TryParseWeek(string? text, out ListingPeriod period)
    {
        period = null!;
        var match = text is null ? Match.Empty : WeekPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        if (year < MinYear || year > MaxYear || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        period = WeekOf(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
        return true;
    }

    public static bool TryParseMonth(string? text, out ListingPeriod period)
    {
        period = null!;
        if (text is null || !MonthPattern().IsMatch(text)
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !InRange(first))
        {
            return false;
        }

        period = MonthOf(first);
        return true;
    }

    // arXiv started in 1991; years far outside that are typos, not periods to look up.
    private const int MinYear = 1990;
    private const int MaxYear = 2200;

    private static bool InRange(DateOnly day) => day.Year is >= MinYear and <= MaxYear;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
