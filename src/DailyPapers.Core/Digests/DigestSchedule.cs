namespace DailyPapers.Core.Digests;

/// <summary>
/// When digests are due: the daily one Monday to Friday (the days arXiv announces) at a local time of day, the weekly
/// one on a given day at the same time. "Last due" answers what a scheduler that was down should still send when it
/// comes back: the most recent due moment, once.
/// </summary>
public static class DigestSchedule
{
    public static bool IsWeekday(DayOfWeek day) => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The latest weekday moment at <paramref name="sendAt"/> (local) at or before <paramref name="now"/>, as a local date.</summary>
    public static DateOnly LastDailyDue(DateTimeOffset now, TimeOnly sendAt, TimeZoneInfo zone) =>
        LastDue(now, sendAt, zone, IsWeekday);

    /// <summary>The latest <paramref name="day"/> at <paramref name="sendAt"/> (local) at or before <paramref name="now"/>, as a local date.</summary>
    public static DateOnly LastWeeklyDue(DateTimeOffset now, TimeOnly sendAt, TimeZoneInfo zone, DayOfWeek day) =>
        LastDue(now, sendAt, zone, d => d == day);

    private static DateOnly LastDue(DateTimeOffset now, TimeOnly sendAt, TimeZoneInfo zone, Func<DayOfWeek, bool> sendsOn)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < sendAt)
        {
            date = date.AddDays(-1);
        }

        while (!sendsOn(date.DayOfWeek))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
