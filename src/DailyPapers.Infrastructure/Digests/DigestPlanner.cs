using System.Globalization;
using System.Text.Json;
using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>What planning a period did: the messages added now (0 when the period was planned before) and the papers.</summary>
public sealed record PlanReport(string PeriodKey, int Papers, int Added);

/// <summary>
/// Puts one period's digest into the outbox for every subscriber who wants it and was confirmed by the time it fell due
/// (<see cref="DigestSchedule"/>), so a restart does not mail the latest digest, off schedule, to whoever confirmed
/// since; a subscriber gets the periods that fall due after confirming. A single
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so planning a period twice, or from two processes at once, adds
/// each (subscription, period) once. The papers are fixed at planning time, so a retried message says what the first
/// attempt would have said.
/// </summary>
public sealed class DigestPlanner(
    StoreContextFactory store, PaperQueries papers, IOptions<TrendingOptions> trending, IOptions<DigestOptions> options, TimeProvider clock)
{
    public static string DailyKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string WeeklyKey(ListingPeriod week) => week.Key;

    /// <summary>The daily digest of a listing day: its trending papers.</summary>
    public Task<PlanReport> PlanDailyAsync(DateOnly day, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.Daily, DailyKey(day), ListingPeriod.Day(day), DailyDue(day), cancellationToken);

    /// <summary>The weekly digest of an ISO week: its top papers.</summary>
    public Task<PlanReport> PlanWeeklyAsync(ListingPeriod week, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.Weekly, WeeklyKey(week), week, WeeklyDue(week), cancellationToken);

    /// <summary>
    /// An operator's <c>digest send --date D</c>: the daily digest of a day for every confirmed subscriber who wants it,
    /// however recently confirmed (an operator who moved a list in with <c>subscribers import</c> and sends a day by hand
    /// means those readers). Rows already planned are kept, so no one gets it twice.
    /// </summary>
    public Task<PlanReport> PlanDailyByHandAsync(DateOnly day, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.Daily, DailyKey(day), ListingPeriod.Day(day), due: null, cancellationToken);

    /// <summary>The weekly counterpart of <see cref="PlanDailyByHandAsync"/>.</summary>
    public Task<PlanReport> PlanWeeklyByHandAsync(ListingPeriod week, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.Weekly, WeeklyKey(week), week, due: null, cancellationToken);

    /// <summary>When the daily digest of a listing day falls due (UTC): subscribers confirmed after it do not get it.</summary>
    public DateTime DailyDue(DateOnly day) =>
        DigestSchedule.DailySendTime(day, options.Value.SendAt, Zone).UtcDateTime;

    public DateTime WeeklyDue(ListingPeriod week) =>
        DigestSchedule.WeeklySendTime(week.Start, options.Value.SendAt, Zone, options.Value.WeeklyOn).UtcDateTime;

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The papers a digest of the period shows, best first.</summary>
    public async Task<IReadOnlyList<string>> TopPapersAsync(ListingPeriod period, CancellationToken cancellationToken)
    {
        await using var reader = papers.OpenReader();
        var view = await new TrendingReader(reader, trending, clock).ReadAsync(period, cancellationToken);
        var top = view.Papers.Select(t => t.Paper.Id).Take(options.Value.PapersPerDigest).ToList();
        if (top.Count < options.Value.PapersPerDigest)
        {
            // Trending takes only voted papers; a day without votes (an arXiv-only instance) lists its papers in order.
            var listed = await reader.ListAsync(period, source: null, 0, options.Value.PapersPerDigest, withNeighbours: false, cancellationToken);
            top.AddRange(listed.Page.Papers.Select(p => p.Id).Where(id => !top.Contains(id)).Take(options.Value.PapersPerDigest - top.Count));
        }

        return top;
    }

    private async Task<PlanReport> PlanAsync(OutboxKind kind, string key, ListingPeriod period, DateTime? due, CancellationToken cancellationToken)
    {
        var ids = await TopPapersAsync(period, cancellationToken);
        if (ids.Count == 0)
        {
            return new PlanReport(key, 0, 0);
        }

        var wants = kind == OutboxKind.Daily ? "daily" : "weekly";
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO outbox (subscription_id, kind, period_key, payload, status, attempts, next_attempt_at, created_at) " +
            $"SELECT id, @kind, @key, @payload, 0, 0, @now, @now FROM subscriptions WHERE status = @confirmed AND {wants} " +
            // A confirmed row without a time predates the column being kept: confirmed long ago.
            (due is null ? "" : "AND (confirmed_at IS NULL OR confirmed_at <= @due) ") +
            "ON CONFLICT (subscription_id, kind, period_key) DO NOTHING";
        command.AddParameter("@kind", (int)kind);
        command.AddParameter("@key", key);
        command.AddParameter("@payload", JsonSerializer.Serialize(ids));
        command.AddParameter("@now", now);
        command.AddParameter("@confirmed", (int)SubscriptionStatus.Confirmed);
        if (due is { } dueAt)
        {
            command.AddParameter("@due", dueAt);
        }

        var added = await command.ExecuteNonQueryAsync(cancellationToken);
        return new PlanReport(key, ids.Count, added);
    }
}
