using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>Adds one message to the outbox at most once: the (subscription, kind, period) key keeps a second add out.</summary>
internal static class OutboxRows
{
    /// <summary>1 when the row was added, 0 when one with the same key was there already.</summary>
    public static Task<int> AddOnceAsync(
        DailyPapersDbContext context, long subscriptionId, OutboxKind kind, string periodKey, string payload, DateTime now, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox (subscription_id, kind, period_key, payload, status, attempts, next_attempt_at, created_at) " +
            "VALUES ({0}, {1}, {2}, {3}, 0, 0, {4}, {4}) ON CONFLICT (subscription_id, kind, period_key) DO NOTHING",
            [subscriptionId, (int)kind, periodKey, payload, now],
            cancellationToken);
}
