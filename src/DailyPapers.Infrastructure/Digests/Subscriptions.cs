using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Subscribing (double opt-in), confirming, changing what to receive and leaving. Every answer to a subscribe request
/// reads the same whether or not the address was known, so the form tells nobody who subscribes.
/// </summary>
public sealed class Subscriptions(StoreContextFactory store, SubscriptionTokens tokens, TimeProvider clock)
{
    /// <summary>A second confirmation email for the same address is sent at most this often.</summary>
    public static readonly TimeSpan ConfirmationResendInterval = TimeSpan.FromMinutes(10);

    public static string CheckInbox(string email) =>
        $"Check your inbox: if {email} can receive our email, a message with a link to confirm is on its way. Nothing else is sent until you confirm.";

    /// <summary>Starts (or restarts) a subscription and queues the confirmation email; null, or why the address is refused.</summary>
    public async Task<string?> SubscribeAsync(string? input, string? userId, CancellationToken cancellationToken)
    {
        if (!EmailAddresses.TryNormalise(input, out var email, out var problem))
        {
            return problem;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SubscribeOnceAsync(email, userId, cancellationToken);
                return null;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same address subscribed at the same moment from elsewhere: look again, it exists now.
            }
        }
    }

    private async Task SubscribeOnceAsync(string email, string? userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var context = store.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var normalised = EmailAddresses.Normalised(email);
        var subscription = await context.Subscriptions.FirstOrDefaultAsync(s => s.NormalizedEmail == normalised, cancellationToken);
        if (subscription is null)
        {
            subscription = new SubscriptionEntity
            {
                Email = email,
                NormalizedEmail = normalised,
                Status = SubscriptionStatus.Pending,
                TokenSecret = SubscriptionTokens.NewSecret(),
                UserId = userId,
                CreatedAt = now,
            };
            context.Subscriptions.Add(subscription);
            await context.SaveChangesAsync(cancellationToken);
        }
        else if (now - subscription.ConfirmationSentAt < ConfirmationResendInterval
            && subscription.Status is SubscriptionStatus.Pending or SubscriptionStatus.Confirmed)
        {
            // A confirmation or notice just went out: nothing more (each request would otherwise mail the address).
            subscription.UserId ??= userId;
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        // Already subscribed: the page says the same as for anyone, so the reader hears it by email, with their link.
        var already = subscription.Status == SubscriptionStatus.Confirmed;
        subscription.Status = already ? SubscriptionStatus.Confirmed : SubscriptionStatus.Pending;
        subscription.UserId ??= userId;
        subscription.ConfirmationsSent++;
        subscription.ConfirmationSentAt = now;
        context.Outbox.Add(new OutboxEntity
        {
            SubscriptionId = subscription.Id,
            Kind = already ? OutboxKind.AlreadySubscribed : OutboxKind.Confirmation,
            PeriodKey = subscription.ConfirmationsSent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The subscription of an account's verified address, made the account's (a subscriber who signs up later keeps
    /// it); with <paramref name="subscribeIfNone"/>, a daily digest subscription made for it, confirmed at once, since
    /// the address is proven. Null when there is none and none was asked for. Only for verified addresses: linking an
    /// unproven one would hand someone else's subscription to whoever typed it.
    /// </summary>
    public async Task<SubscriptionEntity?> ForVerifiedAccountAsync(
        string userId, string email, bool subscribeIfNone, CancellationToken cancellationToken, bool dailyIfNew = true)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var context = store.CreateContext();
        var normalised = EmailAddresses.Normalised(email);
        var subscription = await context.Subscriptions.FirstOrDefaultAsync(s => s.NormalizedEmail == normalised, cancellationToken);
        if (subscription is null)
        {
            if (!subscribeIfNone)
            {
                return null;
            }

            subscription = new SubscriptionEntity
            {
                Email = email,
                NormalizedEmail = normalised,
                Status = SubscriptionStatus.Confirmed,
                TokenSecret = SubscriptionTokens.NewSecret(),
                UserId = userId,
                Daily = dailyIfNew,
                CreatedAt = now,
                ConfirmedAt = now,
            };
            context.Subscriptions.Add(subscription);
        }
        else if (subscription.UserId != userId)
        {
            subscription.UserId = userId;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (subscription.Id == 0)
        {
            // Subscribed from elsewhere at the same moment: that one is the address's.
            return await ForVerifiedAccountAsync(userId, email, subscribeIfNone: false, cancellationToken);
        }

        return subscription;
    }

    /// <summary>
    /// Turns an account's "for you" emails on or off: on its verified address's subscription, made for it when it has
    /// none (confirmed at once, without the trending digest). Null when it has none and both are off.
    /// </summary>
    public async Task<SubscriptionEntity?> SetForYouAsync(string userId, string email, bool daily, bool weekly, CancellationToken cancellationToken)
    {
        var subscription = await ForVerifiedAccountAsync(userId, email, subscribeIfNone: daily || weekly, cancellationToken, dailyIfNew: false);
        if (subscription is null)
        {
            return null;
        }

        await using var context = store.CreateContext();
        await context.Subscriptions.Where(s => s.Id == subscription.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ForYouDaily, daily).SetProperty(x => x.ForYouWeekly, weekly), cancellationToken);
        (subscription.ForYouDaily, subscription.ForYouWeekly) = (daily, weekly);
        return subscription;
    }

    /// <summary>
    /// Confirms from the emailed link. A link confirms only the request it was sent for, while it is pending: the same
    /// link followed again (by the reader, or by a mail scanner re-checking links) after confirming, unsubscribing or
    /// being paused changes nothing, so it can never undo an unsubscribe.
    /// </summary>
    public async Task<ConfirmResult> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.ReadConfirmation(token) is not { } key)
        {
            return new ConfirmResult(ConfirmOutcome.InvalidLink, null);
        }

        await using var context = store.CreateContext();
        var subscription = await FindAsync(context, (key.Id, key.Secret), cancellationToken);
        if (subscription is null)
        {
            return new ConfirmResult(ConfirmOutcome.InvalidLink, null);
        }

        var issued = key.IssuedAt.UtcDateTime;
        switch (subscription.Status)
        {
            case SubscriptionStatus.Confirmed:
                return new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, subscription);
            case SubscriptionStatus.Unsubscribed or SubscriptionStatus.Paused:
                return new ConfirmResult(ConfirmOutcome.NoLongerPending, subscription);
            case SubscriptionStatus.Pending when issued <= subscription.ConfirmedAt || issued <= subscription.UnsubscribedAt:
                // Pending again after a resubscribe: only the new email's link answers the new request.
                return new ConfirmResult(ConfirmOutcome.NoLongerPending, subscription);
        }

        subscription.Status = SubscriptionStatus.Confirmed;
        subscription.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        subscription.HardFailures = 0;
        subscription.LastFailure = null;
        await context.SaveChangesAsync(cancellationToken);
        return new ConfirmResult(ConfirmOutcome.Confirmed, subscription);
    }

    /// <summary>
    /// "Subscribe again" on the manage page of an unsubscribed or paused subscription: a new confirmation email, as for
    /// a new subscriber. The manage link sits in every digest ever sent, forwarded ones too, so it cannot itself undo
    /// an unsubscribe; and a paused address has to show it takes mail again. False for an invalid link or a
    /// subscription that is not unsubscribed or paused.
    /// </summary>
    public async Task<bool> ResumeAsync(string? token, CancellationToken cancellationToken)
    {
        string email;
        await using (var context = store.CreateContext())
        {
            var subscription = await FindByManageLinkAsync(context, token, cancellationToken);
            if (subscription is not { Status: SubscriptionStatus.Unsubscribed or SubscriptionStatus.Paused })
            {
                return false;
            }

            email = subscription.Email;
        }

        await SubscribeOnceAsync(email, userId: null, cancellationToken);
        return true;
    }

    /// <summary>The subscription a manage link names, with its saved searches; null for an invalid link.</summary>
    public async Task<(SubscriptionEntity Subscription, IReadOnlyList<SavedSearchEntity> Searches)?> ManageAsync(string? token, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        if (await FindByManageLinkAsync(context, token, cancellationToken) is not { } subscription)
        {
            return null;
        }

        var searches = await context.SavedSearches.AsNoTracking().Where(s => s.SubscriptionId == subscription.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return (subscription, searches);
    }

    /// <summary>Applies <paramref name="change"/> to the subscription a manage link names; false for an invalid link.</summary>
    public async Task<bool> ChangeAsync(string? token, Func<SubscriptionEntity, DailyPapersDbContext, Task> change, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        if (await FindByManageLinkAsync(context, token, cancellationToken) is not { } subscription)
        {
            return false;
        }

        await change(subscription, context);
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Leaves: nothing more is sent, including messages already queued. False for an invalid link.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var context = store.CreateContext();
        if (await FindByManageLinkAsync(context, token, cancellationToken) is not { } subscription)
        {
            return false;
        }

        if (subscription.Status != SubscriptionStatus.Unsubscribed)
        {
            subscription.Status = SubscriptionStatus.Unsubscribed;
            // Kept after a resubscribe too: confirmation links made before it no longer confirm.
            subscription.UnsubscribedAt = now;
            await context.SaveChangesAsync(cancellationToken);
            // Queued messages are dropped; one a sender holds right now may still go out.
            await context.Outbox
                .Where(o => o.SubscriptionId == subscription.Id && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(o => o.SetProperty(r => r.Status, OutboxStatus.Failed).SetProperty(r => r.LastError, "unsubscribed"), cancellationToken);
        }

        return true;
    }

    /// <summary>The subscription a manage link names; null for an invalid link.</summary>
    private async Task<SubscriptionEntity?> FindByManageLinkAsync(DailyPapersDbContext context, string? token, CancellationToken cancellationToken) =>
        tokens.ReadManage(token) is { } key ? await FindAsync(context, key, cancellationToken) : null;

    private static async Task<SubscriptionEntity?> FindAsync(DailyPapersDbContext context, (long Id, string Secret) key, CancellationToken cancellationToken)
    {
        var subscription = await context.Subscriptions.FirstOrDefaultAsync(s => s.Id == key.Id, cancellationToken);
        return subscription is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(subscription.TokenSecret), System.Text.Encoding.UTF8.GetBytes(key.Secret))
            ? subscription
            : null;
    }
}
