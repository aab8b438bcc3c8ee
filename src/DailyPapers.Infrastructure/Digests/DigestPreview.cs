using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>A previewed digest; <paramref name="IsSubscriber"/> false when the address has no subscription, so its links are examples.</summary>
public sealed record PreviewedDigest(ComposedEmail Email, bool IsSubscriber);

/// <summary><c>digest preview</c>: a period's digest as one address would get it, composed without planning or sending.</summary>
public sealed class DigestPreview(StoreContextFactory store, DigestPlanner planner, DigestMessages messages)
{
    public async Task<PreviewedDigest?> ComposeAsync(OutboxKind kind, ListingPeriod period, string email, CancellationToken cancellationToken)
    {
        var key = kind == OutboxKind.Weekly ? DigestPlanner.WeeklyKey(period) : DigestPlanner.DailyKey(period.Start);
        var content = await messages.ContentAsync(kind, key, await planner.TopPapersAsync(period, cancellationToken), cancellationToken);
        if (content is null)
        {
            return null;
        }

        // A subscriber's real links; for an address that is not subscribed, links that lead nowhere.
        await using var context = store.CreateContext();
        // As subscribing stores it (an international domain in punycode), so the preview finds the same row.
        var normalised = EmailAddresses.Normalised(EmailAddresses.TryNormalise(email, out var address, out _) ? address : email);
        var subscription = await context.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalised, cancellationToken);
        var linked = subscription ?? new SubscriptionEntity { Id = 0, Email = email, TokenSecret = SubscriptionTokens.NewSecret() };
        return new PreviewedDigest(DigestComposer.Compose(content, messages.Links(linked)), subscription is not null);
    }
}
