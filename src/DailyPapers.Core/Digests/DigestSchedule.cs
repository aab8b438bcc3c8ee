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

    /// <summary>
    /// When the daily digest of listing day <paramref name="day"/> falls due: the send time on that day, or on the next
    /// weekday for a weekend listing. Only subscribers confirmed by then get it (one who confirms later starts with the
    /// next day's, even when a restart plans this one late).
    /// </summary>
    public static DateTimeOffset DailySendTime(DateOnly day, TimeOnly sendAt, TimeZoneInfo zone)
    {
        while (!IsWeekday(day.DayOfWeek))
        {
            day = day.AddDays(1);
        }

        return AtLocal(day, sendAt, zone);
    }

    /// <summary>When the weekly digest of the ISO week starting <paramref name="weekStart"/> falls due: <paramref name="day"/> of the following week.</summary>
    public static DateTimeOffset WeeklySendTime(DateOnly weekStart, TimeOnly sendAt, TimeZoneInfo zone, DayOfWeek day) =>
        AtLocal(weekStart.AddDays(7 + (((int)day - (int)DayOfWeek.Monday + 7) % 7)), sendAt, zone);

    private static DateTimeOffset AtLocal(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A send time inside a daylight-saving gap does not exist that day; the clock jumps past it, so does the digest.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

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
