using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Papers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Plans the digests that are due now: the daily one of the latest listing day up to the last weekday send time, and
/// the weekly one of the week before the last weekly send time, the saved-search alerts of that listing day, and the
/// readers' "for you" digests of both. Planning is idempotent, so running this again (a
/// restart, a second node, a missed run caught up) adds nothing already planned.
/// </summary>
public sealed class DigestRun(DigestPlanner planner, AlertPlanner alerts, ForYouDigestPlanner forYou, PaperQueries papers, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestRun> logger)
{
    public async Task<IReadOnlyList<PlanReport>> PlanDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        var now = clock.GetUtcNow();
        var reports = new List<PlanReport>();

        var dailyDue = DigestSchedule.LastDailyDue(now, o.SendAt, zone);
        await using (var reader = papers.OpenReader())
        {
            var latest = await reader.LatestListingDayAsync(cancellationToken);
            if (latest is { } day && day <= dailyDue && day >= dailyDue.AddDays(-o.MaxListingAgeDays))
            {
                reports.Add(await planner.PlanDailyAsync(day, cancellationToken));
                // Alerts go with the daily digest: new papers arrive with each listing day.
                reports.Add(await alerts.PlanAsync(day, cancellationToken));
                reports.Add(await forYou.PlanDailyAsync(day, byHand: false, cancellationToken));
            }
        }

        var weeklyDue = DigestSchedule.LastWeeklyDue(now, o.SendAt, zone, o.WeeklyOn);
        var lastWeek = ListingPeriod.WeekOf(weeklyDue.AddDays(-7));
        reports.Add(await planner.PlanWeeklyAsync(lastWeek, cancellationToken));
        reports.Add(await forYou.PlanWeeklyAsync(lastWeek, byHand: false, cancellationToken));

        foreach (var report in reports.Where(r => r.Added > 0))
        {
            logger.LogInformation("Planned digest {Period}: {Papers} papers to {Added} subscribers", report.PeriodKey, report.Papers, report.Added);
        }

        return reports;
    }
}
