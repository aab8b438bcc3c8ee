using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;

namespace DailyPapers.Api;

/// <summary>
/// The parameters of <c>/api/daily_papers</c> read and checked: Hugging Face's (<c>date</c>, <c>week</c>,
/// <c>month</c>, <c>p</c>, <c>limit</c>, <c>submitter</c>, <c>sort</c>) and ours (<c>from</c>/<c>to</c>,
/// <c>min_votes</c>, <c>cat</c>, <c>window</c>). Unknown parameters are ignored, as Hugging Face ignores them.
/// </summary>
public sealed record DailyPapersQuery
{
    private const int MaxCategories = 20;

    private static readonly char[] CategorySeparators = [',', ' ', ';', '+'];

    /// <summary>The period named (a day, week, month or from/to range); null for the latest day, or trending's window.</summary>
    public ListingPeriod? Period { get; private init; }

    public ListingFilter Filter { get; private init; } = ListingFilter.None;

    public bool ByTrending { get; private init; }

    public TrendingWindow Window { get; private init; } = TrendingWindow.Week;

    public int PageIndex { get; private init; }

    public int Limit { get; private init; } = DailyPapersApi.DefaultLimit;

    /// <summary>
    /// The parameters <see cref="Read"/> takes, for the OpenAPI document. Only <c>date</c> of the period parameters
    /// has an example: the reference page fills in every example when a reader tries a request, and a day, a week and
    /// a month together are refused.
    /// </summary>
    public static IReadOnlyList<QueryParameterDoc> Documented { get; } =
    [
        QueryParameterDoc.Day("date", $"The listing day: {ListingPeriod.DayFormat}. Without date, week, month or from/to: the latest listing day."),
        new("week", $"The listing week: {ListingPeriod.WeekFormat}.") { Pattern = @"^\d{4}-W\d{2}$" },
        new("month", $"The listing month: {ListingPeriod.MonthFormat}.") { Pattern = @"^\d{4}-\d{2}$" },
        QueryParameterDoc.Day("from", $"Ours: the first listing day of a range of at most {MaxRangeDays} days (instead of date, week or month); alone, a year from it.") with { Example = null },
        QueryParameterDoc.Day("to", "Ours: the last listing day of the range; alone, the year up to it.") with { Example = null },
        QueryParameterDoc.WholeNumber("p", "The page index, from 0.", 0, 100_000, 0),
        QueryParameterDoc.WholeNumber("limit", "Papers per page.", 1, DailyPapersApi.MaxLimit, DailyPapersApi.DefaultLimit),
        QueryParameterDoc.OneOf("sort", "publishedAt: newest first; trending: votes decayed with time. Absent: most voted first.", "publishedAt", "trending"),
        QueryParameterDoc.OneOf("window", "Ours, with sort=trending and no period: the last day, week (the default) or month up to now.", "day", "week", "month"),
        new("submitter", "Only the papers this Hugging Face user or this site's reader (by handle) submitted."),
        QueryParameterDoc.WholeNumber("min_votes", "Ours: only papers with at least this many votes.", 0),
        new("cat", $"Ours: only papers in one of these arXiv categories (cs.CL) or archives (cs.*), at most {MaxCategories}; repeated or comma separated.")
        {
            Repeatable = true,
            Example = "cs.CL",
        },
    ];

    /// <summary>The query, or the message of a 400 naming the first malformed parameter.</summary>
    public static (DailyPapersQuery? Query, string? Error) Read(IQueryCollection query)
    {
        string? sort = query["sort"];
        var byTrending = string.Equals(sort, "trending", StringComparison.OrdinalIgnoreCase);
        var newest = string.Equals(sort, "publishedAt", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(sort) && !byTrending && !newest)
        {
            return (null, "sort must be publishedAt (newest first) or trending, or absent for the listing's order (most voted first).");
        }

        if (!DailyPapersApi.TryReadInt(query["min_votes"], 0, 0, int.MaxValue, out var minVotes))
        {
            return (null, "min_votes must be a whole number from 0.");
        }

        if (!DailyPapersApi.TryReadInt(query["limit"], DailyPapersApi.DefaultLimit, 1, DailyPapersApi.MaxLimit, out var limit))
        {
            return (null, $"limit must be a whole number from 1 to {DailyPapersApi.MaxLimit}.");
        }

        if (!DailyPapersApi.TryReadInt(query["p"], 0, 0, 100_000, out var pageIndex))
        {
            return (null, "p (the page index) must be a whole number from 0.");
        }

        List<string> categories = [.. query["cat"].SelectMany(v => (v ?? "").Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        if (categories.Count > MaxCategories)
        {
            return (null, $"cat takes at most {MaxCategories} categories; this one names {categories.Count}.");
        }

        if (new SearchFilters { Categories = categories }.Validate() is { } categoryProblem)
        {
            return (null, $"cat: {categoryProblem}");
        }

        var window = TrendingWindow.Week;
        string? windowText = query["window"];
        if (!string.IsNullOrEmpty(windowText) && !Trending.TryParse(windowText, out window))
        {
            return (null, "window must be day, week or month.");
        }

        var (period, periodError) = ReadPeriod(query);
        if (periodError is not null)
        {
            return (null, periodError);
        }

        // Hugging Face's submitter= names a user; here also a reader's handle (their curated submissions).
        string? submitter = query["submitter"];
        var filter = new ListingFilter
        {
            Submitter = string.IsNullOrWhiteSpace(submitter) ? null : submitter.Trim(),
            MinVotes = minVotes,
            Categories = categories,
            Order = newest ? ListingOrder.Newest : ListingOrder.Votes,
        };
        return (new DailyPapersQuery { Period = period, Filter = filter, ByTrending = byTrending, Window = window, PageIndex = pageIndex, Limit = limit }, null);
    }

    private static (ListingPeriod? Period, string? Error) ReadPeriod(IQueryCollection query)
    {
        string? date = query["date"], week = query["week"], month = query["month"], from = query["from"], to = query["to"];
        var named = new[] { date, week, month }.Count(v => !string.IsNullOrEmpty(v)) + (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to) ? 0 : 1);
        if (named > 1)
        {
            return (null, "Give one of date, week, month or from/to, not several.");
        }

        if (!string.IsNullOrEmpty(date))
        {
            return ListingPeriod.TryParseDay(date, out var day) ? (day, null) : (null, $"date must be {ListingPeriod.DayFormat}.");
        }

        if (!string.IsNullOrEmpty(week))
        {
            return ListingPeriod.TryParseWeek(week, out var w) ? (w, null) : (null, $"week must be {ListingPeriod.WeekFormat}.");
        }

        if (!string.IsNullOrEmpty(month))
        {
            return ListingPeriod.TryParseMonth(month, out var m) ? (m, null) : (null, $"month must be {ListingPeriod.MonthFormat}.");
        }

        if (named == 0)
        {
            return (null, null);
        }

        ListingPeriod? start = null, end = null;
        if (!string.IsNullOrEmpty(from) && !ListingPeriod.TryParseDay(from, out start))
        {
            return (null, $"from must be {ListingPeriod.DayFormat}.");
        }

        if (!string.IsNullOrEmpty(to) && !ListingPeriod.TryParseDay(to, out end))
        {
            return (null, $"to must be {ListingPeriod.DayFormat}.");
        }

        // A range of at most a year (a longer one is a walk over the archive: /api/papers?cursor= pages it), open at
        // either end for a year. Its kind, by its length, is what trending reads for the half-life.
        var first = start?.Start ?? end!.End.AddDays(1 - MaxRangeDays);
        var last = end?.End ?? first.AddDays(MaxRangeDays - 1);
        if (first > last)
        {
            return (null, $"from ({from}) is after to ({to}).");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxRangeDays)
        {
            return (null, $"from and to may span at most {MaxRangeDays} days; walk longer spans with /api/papers?cursor=.");
        }

        var days = last.DayNumber - first.DayNumber + 1;
        var kind = days == 1 ? ListingPeriodKind.Day : days <= 7 ? ListingPeriodKind.Week : ListingPeriodKind.Month;
        return (new ListingPeriod(kind, first, last), null);
    }

    private const int MaxRangeDays = 366;
}
