using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>What one sending run did.</summary>
public sealed record SendReport(int Sent, int Retrying, int Failed)
{
    public int Attempted => Sent + Retrying + Failed;
}

/// <summary>
/// Sends what the outbox holds. A sender claims a batch of due rows in one statement (PostgreSQL skips rows other
/// senders hold), so two senders never hold the same row; it marks each row sent right after the server accepted it,
/// only if it still holds the claim. A sender killed mid-batch leaves its claims to expire after
/// <see cref="DigestOptions.ClaimLease"/>; then others send them. So every row is sent once, except that the one
/// message in flight when a sender dies may be sent again (docs/email.md).
/// </summary>
public sealed class OutboxSender(
    StoreContextFactory store,
    DigestMessages messages,
    IOptions<DigestOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>This sender's name on its claims: unique per instance, readable in the table (host and process).</summary>
    private readonly string _me = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Sends due messages until none are left or a failure of the server or connection says to wait (then they are
    /// retried later). A message the server puts off on its own (a 4xx for its recipient) waits alone.
    /// </summary>
    public async Task<SendReport> SendDueAsync(IMailTransport transport, CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0, deferredInARow = 0;
        // One connection for the run: a row is marked right after each message, and opening one per mark cost more
        // than the mark itself.
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        var templates = new Dictionary<(OutboxKind, string, string), DigestTemplate?>();
        // A retry is taken only if it was due when the run began: a message this run deferred comes back at its retry
        // time, not as the next batch of the same run. New messages (a confirmation asked for meanwhile) are taken.
        var started = clock.GetUtcNow().UtcDateTime;
        while (true)
        {
            var batch = await ClaimAsync(connection, started, cancellationToken);
            if (batch.Count == 0)
            {
                return new SendReport(sent, retrying, failed);
            }

            var subscriptions = await SubscriptionsAsync(batch, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                var subscription = subscriptions.GetValueOrDefault(row.SubscriptionId);
                var wanted = subscription is not null && (subscription.Status == SubscriptionStatus.Confirmed
                    || (row.Kind == OutboxKind.Confirmation && subscription.Status == SubscriptionStatus.Pending));
                if (!wanted)
                {
                    await FinishAsync(connection, row, OutboxStatus.Failed, "not subscribed any more", cancellationToken);
                    failed++;
                    continue;
                }

                var key = (row.Kind, row.PeriodKey, row.Payload);
                var notice = row.Kind is OutboxKind.Confirmation or OutboxKind.AlreadySubscribed;
                var personal = row.Kind is OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly;
                DigestTemplate? template = null;
                if (personal)
                {
                    // A reader's own list: composed for them alone, not kept for the rest of the run.
                    var content = await messages.ContentAsync(row.Kind, row.PeriodKey, row.Payload, cancellationToken);
                    template = content is null ? null : DigestComposer.Prepare(content);
                }
                else if (!notice && !templates.TryGetValue(key, out template))
                {
                    // Composed once per period and sender run; only the links differ between subscribers.
                    var content = await messages.ContentAsync(row.Kind, row.PeriodKey, row.Payload, cancellationToken);
                    templates[key] = template = content is null ? null : DigestComposer.Prepare(content);
                }

                var message = row.Kind switch
                {
                    OutboxKind.Confirmation => messages.Confirmation(subscription!, row.Id),
                    OutboxKind.AlreadySubscribed => messages.AlreadySubscribed(subscription!, row.Id),
                    _ => template is not null ? messages.Digest(template, subscription!, row.Id) : null,
                };
                if (message is null)
                {
                    await FinishAsync(connection, row, OutboxStatus.Failed, "nothing left to send (papers hidden or withdrawn)", cancellationToken);
                    failed++;
                    continue;
                }

                var result = await transport.SendAsync(message, cancellationToken);
                if (result.Status == SendStatus.Transient)
                {
                    // Once more on a fresh connection: servers drop connections after so many messages or when idle.
                    result = await transport.SendAsync(message, cancellationToken);
                }

                deferredInARow = result.Status == SendStatus.Deferred ? deferredInARow + 1 : 0;
                if (result.Status == SendStatus.Deferred && row.Attempts + 1 >= options.Value.MaxAttempts)
                {
                    await FinishAsync(connection, row, OutboxStatus.Failed, $"still put off after {row.Attempts + 1} attempts: {result.Error}", cancellationToken);
                    failed++;
                    continue;
                }

                if (result.Status == SendStatus.Deferred && deferredInARow >= options.Value.DeferralsInARowToStop)
                {
                    result = SendResult.Transient($"{deferredInARow} messages in a row put off, so the server itself is refusing: {result.Error}");
                }

                switch (result.Status)
                {
                    case SendStatus.Sent:
                        // Not cancellable: the server has the message; only recording it stands between it and a repeat.
                        await FinishAsync(connection, row, OutboxStatus.Sent, null, CancellationToken.None);
                        sent++;
                        if (subscription!.HardFailures > 0)
                        {
                            await SetFailuresAsync(subscription.Id, 0, null, pause: false, cancellationToken);
                        }

                        break;
                    case SendStatus.Permanent:
                        await FinishAsync(connection, row, OutboxStatus.Failed, result.Error, cancellationToken);
                        failed++;
                        var failures = subscription!.HardFailures + 1;
                        await SetFailuresAsync(subscription.Id, failures, result.Error, failures >= options.Value.HardFailuresToPause, cancellationToken);
                        subscription.HardFailures = failures;
                        break;
                    case SendStatus.Deferred:
                        // Only this recipient or message was put off (greylisting, a full mailbox); the server is
                        // ready for the next one, so only this row waits.
                        await RetryLaterAsync(connection, row, result.Error, cancellationToken);
                        retrying++;
                        logger.LogInformation("Message {Row} deferred by the server, retried later: {Error}", row.Id, result.Error);
                        break;
                    default:
                        // The server is down or busy: this and the rest of the batch wait; nothing is lost.
                        await RetryLaterAsync(connection, row, result.Error, cancellationToken);
                        await ReleaseAsync(connection, cancellationToken);
                        logger.LogWarning(
                            "Mail delivery paused: {Error}; this message and the {Count} after it in this batch wait for the next run", result.Error, batch.Count - i - 1);
                        return new SendReport(sent, retrying + 1, failed);
                }
            }
        }
    }

    /// <summary>
    /// Messages of one period not sent yet (nor refused): those waiting for their retry time, and any a sender holds
    /// right now. What a run reports as waiting, whichever run deferred them.
    /// </summary>
    public async Task<int> WaitingAsync(OutboxKind kind, string periodKey, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Outbox.CountAsync(
            o => o.Kind == kind && o.PeriodKey == periodKey && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending),
            cancellationToken);
    }

    private async Task<IReadOnlyList<ClaimedRow>> ClaimAsync(DbConnection connection, DateTime dueBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockClause = store.Provider == StoreProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE outbox SET status = @sending, claimed_by = @me, claimed_until = @until " +
            "WHERE id IN (SELECT id FROM outbox WHERE (status = @pending AND next_attempt_at <= @now AND (attempts = 0 OR next_attempt_at <= @due)) " +
            $"OR (status = @sending AND claimed_until < @now) ORDER BY id LIMIT @take{lockClause}) " +
            "RETURNING id, subscription_id, kind, period_key, payload, attempts";
        command.AddParameter("@sending", (int)OutboxStatus.Sending);
        command.AddParameter("@pending", (int)OutboxStatus.Pending);
        command.AddParameter("@me", _me);
        command.AddParameter("@due", dueBy);
        command.AddParameter("@now", now);
        command.AddParameter("@until", now + options.Value.ClaimLease);
        command.AddParameter("@take", options.Value.BatchSize);
        var rows = new List<ClaimedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClaimedRow(reader.GetInt64(0), reader.GetInt64(1), (OutboxKind)reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    private async Task<Dictionary<long, SubscriptionEntity>> SubscriptionsAsync(IReadOnlyList<ClaimedRow> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.SubscriptionId).Distinct().ToList();
        await using var context = store.CreateContext();
        return await context.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    private async Task FinishAsync(DbConnection connection, ClaimedRow row, OutboxStatus status, string? error, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection,
            "UPDATE outbox SET status = @status, sent_at = @now, last_error = @error, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL " +
            "WHERE id = @id AND claimed_by = @me",
            cancellationToken,
            ("@status", (int)status),
            ("@now", status == OutboxStatus.Sent ? clock.GetUtcNow().UtcDateTime : null),
            ("@error", error),
            ("@id", row.Id),
            ("@me", _me));

    private async Task RetryLaterAsync(DbConnection connection, ClaimedRow row, string? error, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var wait = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(row.Attempts, 20))));
        await ExecuteAsync(
            connection,
            "UPDATE outbox SET status = @pending, next_attempt_at = @next, last_error = @error, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL " +
            "WHERE id = @id AND claimed_by = @me",
            cancellationToken,
            ("@pending", (int)OutboxStatus.Pending),
            ("@next", clock.GetUtcNow().UtcDateTime + wait),
            ("@error", error),
            ("@id", row.Id),
            ("@me", _me));
    }

    /// <summary>Hands back the rest of this sender's claims, unattempted, to whoever sends next.</summary>
    private Task ReleaseAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            "UPDATE outbox SET status = @pending, claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @me AND status = @sending",
            cancellationToken,
            ("@pending", (int)OutboxStatus.Pending),
            ("@sending", (int)OutboxStatus.Sending),
            ("@me", _me));

    private async Task SetFailuresAsync(long subscriptionId, int failures, string? error, bool pause, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.Subscriptions.Where(s => s.Id == subscriptionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.HardFailures, failures)
                .SetProperty(x => x.LastFailure, error)
                .SetProperty(x => x.Status, x => pause && x.Status == SubscriptionStatus.Confirmed ? SubscriptionStatus.Paused : x.Status),
            cancellationToken);
        if (pause)
        {
            logger.LogWarning("Subscription {Id} paused after {Failures} refused deliveries: {Error}", subscriptionId, failures, error);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record ClaimedRow(long Id, long SubscriptionId, OutboxKind Kind, string PeriodKey, string Payload, int Attempts);
}
