using System.Text.Json;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Saved-search alerts: for each alert of a subscription confirmed by the daily digest's due time, the papers first listed since the alert last
/// looked that match its query, categories and minimum of votes go into one outbox row keyed by the alert and the
/// listing day, so an alert mails each day's matches at most once.
/// </summary>
public sealed class AlertPlanner(StoreContextFactory store, PaperQueries papers, PaperSearch search, DigestPlanner digests, TimeProvider clock)
{
    /// <summary>How far back an alert that has not run for a while looks (an instance that was down a week).</summary>
    public const int MaxDaysBack = 7;

    public const int MaxPapersPerAlert = 20;

    public async Task<PlanReport> PlanAsync(DateOnly latestDay, CancellationToken cancellationToken)
    {
        // Alerts go with the daily digest, to the same subscribers: those confirmed by the time it fell due. The alerts
        // of a later one stay where they were and look back from there at the next listing day.
        var due = digests.DailyDue(latestDay);
        await using var context = store.CreateContext();
        var alerts = await context.SavedSearches
            .Where(a => a.CoveredUntil < latestDay)
            .Join(
                context.Subscriptions.Where(s => s.Status == SubscriptionStatus.Confirmed && (s.ConfirmedAt == null || s.ConfirmedAt <= due)),
                a => a.SubscriptionId,
                s => s.Id,
                (a, s) => a)
            .ToListAsync(cancellationToken);
        int added = 0, matched = 0;
        await using var reader = papers.OpenReader();
        foreach (var alert in alerts)
        {
            var first = alert.CoveredUntil.AddDays(1);
            var period = new ListingPeriod(ListingPeriodKind.Day, first < latestDay.AddDays(-MaxDaysBack) ? latestDay.AddDays(-MaxDaysBack) : first, latestDay);
            var ids = await AlertMatches.FindAsync(search, reader, alert, period, MaxPapersPerAlert, cancellationToken);
            matched += ids.Count;
            if (ids.Count > 0)
            {
                added += await OutboxRows.AddOnceAsync(
                    context, alert.SubscriptionId, OutboxKind.Alert, AlertKey(alert.Id, latestDay), JsonSerializer.Serialize(ids), clock.GetUtcNow().UtcDateTime, cancellationToken);
            }

            alert.CoveredUntil = latestDay;
        }

        await context.SaveChangesAsync(cancellationToken);
        return new PlanReport($"alerts:{DigestPlanner.DailyKey(latestDay)}", matched, added);
    }

    /// <summary>"{alert id}:{last listing day covered}": the outbox key of one alert mail.</summary>
    public static string AlertKey(long alertId, DateOnly day) =>
        $"{alertId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{DigestPlanner.DailyKey(day)}";
}
