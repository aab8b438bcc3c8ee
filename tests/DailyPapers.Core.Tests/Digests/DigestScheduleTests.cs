using DailyPapers.Core.Digests;

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
}
