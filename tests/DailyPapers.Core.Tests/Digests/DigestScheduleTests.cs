using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Tests.Digests;

public class DigestScheduleTests
{
    private static readonly TimeOnly Seven = new(7, 0);

    [Theory]
    [InlineData("2025-06-10T08:00:00Z", "2025-06-10")] // Tuesday after 07:00
    [InlineData("2025-06-10T06:59:00Z", "2025-06-09")] // Tuesday before 07:00: Monday's is the last due
    [InlineData("2025-06-09T06:00:00Z", "2025-06-06")] // Monday before 07:00: back to Friday
    [InlineData("2025-06-14T12:00:00Z", "2025-06-13")] // Saturday: Friday's
    [InlineData("2025-06-15T23:00:00Z", "2025-06-13")] // Sunday night: still Friday's
    public void The_last_daily_digest_due_is_the_latest_weekday_send_time(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DigestSchedule.LastDailyDue(DateTimeOffset.Parse(now), Seven, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_send_time_is_local_to_the_configured_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 06:30 UTC is 08:30 in Berlin (summer): Tuesday's digest is due there, not yet in UTC.
        var now = DateTimeOffset.Parse("2025-06-10T06:30:00Z");

        Assert.Equal(new DateOnly(2025, 6, 10), DigestSchedule.LastDailyDue(now, Seven, berlin));
        Assert.Equal(new DateOnly(2025, 6, 9), DigestSchedule.LastDailyDue(now, Seven, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("2025-06-16T07:00:00Z", "2025-06-16")] // Monday at the send time
    [InlineData("2025-06-16T06:00:00Z", "2025-06-09")] // Monday before it: the week before's
    [InlineData("2025-06-14T12:00:00Z", "2025-06-09")]
    public void The_last_weekly_digest_due_is_the_latest_send_day(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DigestSchedule.LastWeeklyDue(DateTimeOffset.Parse(now), Seven, TimeZoneInfo.Utc, DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("2025-06-10", "2025-06-10T07:00:00+00:00")] // Tuesday: that morning
    [InlineData("2025-06-14", "2025-06-16T07:00:00+00:00")] // Saturday's listing: Monday's run
    [InlineData("2025-06-15", "2025-06-16T07:00:00+00:00")]
    public void A_daily_digest_falls_due_at_the_send_time_of_its_day_or_the_next_weekday(string day, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), DigestSchedule.DailySendTime(DateOnly.Parse(day), Seven, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "2025-06-16T07:00:00+00:00")]
    [InlineData(DayOfWeek.Friday, "2025-06-20T07:00:00+00:00")]
    [InlineData(DayOfWeek.Sunday, "2025-06-22T07:00:00+00:00")]
    public void A_weekly_digest_falls_due_on_the_send_day_of_the_following_week(DayOfWeek on, string expected)
    {
        // The week of 2025-06-09 (Monday), as DigestRun plans it: the week before the one holding the send day.
        Assert.Equal(DateTimeOffset.Parse(expected), DigestSchedule.WeeklySendTime(new DateOnly(2025, 6, 9), Seven, TimeZoneInfo.Utc, on));
        var due = DigestSchedule.LastWeeklyDue(DateTimeOffset.Parse(expected), Seven, TimeZoneInfo.Utc, on);
        Assert.Equal(new DateOnly(2025, 6, 9), ListingPeriod.WeekOf(due.AddDays(-7)).Start);
    }

    [Fact]
    public void A_send_time_is_converted_from_the_configured_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Equal(DateTimeOffset.Parse("2025-06-10T05:00:00Z"), DigestSchedule.DailySendTime(new DateOnly(2025, 6, 10), Seven, berlin));
    }
}
