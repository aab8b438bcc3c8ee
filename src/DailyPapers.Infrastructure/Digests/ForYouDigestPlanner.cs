using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Plans the "for you" digests of a listing day or week: for every reader who asked for them, their own list of that
/// period ranked as <c>/for-you</c> ranks it, with each paper's reason, fixed in one outbox row per (subscription,
/// kind, period) so the outbox sends it once. Only to a subscription of the account's own confirmed address (the list
/// tells what the account liked), not suspended, and confirmed by the time the digest fell due. Readers already
/// planned are skipped before their list is ranked, so planning again (a restart, a second node) costs little and
/// adds nothing.
/// </summary>
public sealed class ForYouDigestPlanner(
    StoreContextFactory store, IServiceScopeFactory scopes, DigestPlanner digests, IOptions<DigestOptions> options, TimeProvider clock)
{
    public Task<PlanReport> PlanDailyAsync(DateOnly day, bool byHand, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.ForYouDaily, DigestPlanner.DailyKey(day), ListingPeriod.Day(day), byHand ? null : digests.DailyDue(day), cancellationToken);

    public Task<PlanReport> PlanWeeklyAsync(ListingPeriod week, bool byHand, CancellationToken cancellationToken) =>
        PlanAsync(OutboxKind.ForYouWeekly, DigestPlanner.WeeklyKey(week), week, byHand ? null : digests.WeeklyDue(week), cancellationToken);

    private async Task<PlanReport> PlanAsync(OutboxKind kind, string key, ListingPeriod period, DateTime? due, CancellationToken cancellationToken)
    {
        var readers = await ReadersAsync(kind, key, due, cancellationToken);
        if (readers.Count == 0)
        {
            return new PlanReport($"for-you:{key}", 0, 0);
        }

        // Each reader's list is ranked on its own (their model trained if it is not current), so the readers are split
        // between the cores, each worker with its own connection.
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var counts = await Task.WhenAll(readers.Chunk((readers.Count + workers - 1) / workers)
            .Select(chunk => Task.Run(() => PlanReadersAsync(kind, key, period, chunk, cancellationToken), cancellationToken)));
        var added = counts.Sum(c => c.Added);
        var most = counts.Max(c => c.Most);
        return new PlanReport($"for-you:{key}", most, added);
    }

    private async Task<(int Added, int Most)> PlanReadersAsync(
        OutboxKind kind, string key, ListingPeriod period, IReadOnlyList<(long SubscriptionId, string UserId)> readers, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ranker = scope.ServiceProvider.GetRequiredService<ForYouRanker>();
        await using var context = store.CreateContext();
        int added = 0, most = 0;
        foreach (var (subscriptionId, userId) in readers)
        {
            var list = await ranker.RankPeriodAsync(userId, period, options.Value.PapersPerDigest, cancellationToken);
            if (list is null || list.Papers.Count == 0)
            {
                // Nothing listed that day, or the reader marked all of it "not interested": no email rather than an empty one.
                continue;
            }

            most = Math.Max(most, list.Papers.Count);
            var payload = ForYouDigestPayload.Write(list.Papers.Select(p => new ForYouDigestItem(p.Paper.Id, p.Reason)));
            added += await OutboxRows.AddOnceAsync(context, subscriptionId, kind, key, payload, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return (added, most);
    }

    private async Task<List<(long SubscriptionId, string UserId)>> ReadersAsync(OutboxKind kind, string key, DateTime? due, CancellationToken cancellationToken)
    {
        var daily = kind == OutboxKind.ForYouDaily;
        await using var context = store.CreateContext();
        var suspended = context.UserRoles.Join(
            context.Roles.Where(r => r.Name == AccountServiceCollectionExtensions.SuspendedRole), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        var rows = await context.Subscriptions
            .Where(s => s.Status == SubscriptionStatus.Confirmed && (daily ? s.ForYouDaily : s.ForYouWeekly) && s.UserId != null)
            .Where(s => due == null || s.ConfirmedAt == null || s.ConfirmedAt <= due)
            .Where(s => !context.Outbox.Any(o => o.SubscriptionId == s.Id && o.Kind == kind && o.PeriodKey == key))
            .Join(context.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, s.NormalizedEmail, UserId = u.Id, UserEmail = u.NormalizedEmail, u.EmailConfirmed })
            .Where(r => r.EmailConfirmed && !suspended.Contains(r.UserId))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        // Compared here, not in SQL: Identity upper-cases with the invariant culture as subscriptions do, and a mismatch
        // (the account changed its address) must not mail one address another's list.
        return [.. rows.Where(r => string.Equals(r.NormalizedEmail, r.UserEmail, StringComparison.Ordinal)).Select(r => (r.Id, r.UserId))];
    }
}
