using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>A previewed digest; <paramref name="IsSubscriber"/> false when the address has no subscription, so its links are examples.</summary>
public sealed record PreviewedDigest(ComposedEmail Email, bool IsSubscriber);

/// <summary><c>digest preview</c>: a period's digest as one address would get it, composed without planning or sending.</summary>
public sealed class DigestPreview(StoreContextFactory store, DigestPlanner planner, DigestMessages messages, IServiceScopeFactory scopes, IOptions<DigestOptions> options)
{
    /// <summary>
    /// A reader's "for you" digest of a day or week, ranked now for the account of <paramref name="email"/>; the
    /// problem instead when there is no such account or nothing to list.
    /// </summary>
    public async Task<(PreviewedDigest? Digest, string? Problem)> ComposeForYouAsync(
        OutboxKind kind, ListingPeriod period, string email, CancellationToken cancellationToken)
    {
        var normalised = Normalised(email);
        await using var context = store.CreateContext();
        var account = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        if (account is null)
        {
            return (null, $"{email} has no account here: a \"for you\" digest is an account's own list.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<ForYouRanker>().RankPeriodAsync(account.Id, period, options.Value.PapersPerDigest, cancellationToken);
        if (list is null || list.Papers.Count == 0)
        {
            return (null, $"Nothing listed for {period.Key} is left for this reader: no digest would be sent.");
        }

        var key = kind == OutboxKind.ForYouWeekly ? DigestPlanner.WeeklyKey(period) : DigestPlanner.DailyKey(period.Start);
        var payload = ForYouDigestPayload.Write(list.Papers.Select(p => new ForYouDigestItem(p.Paper.Id, p.Reason)));
        if (await messages.ContentAsync(kind, key, payload, cancellationToken) is not { } content)
        {
            return (null, $"Nothing listed for {period.Key} is shown any more.");
        }

        var subscription = await context.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalised, cancellationToken);
        var linked = subscription ?? new SubscriptionEntity { Id = 0, Email = email, TokenSecret = SubscriptionTokens.NewSecret() };
        return (new PreviewedDigest(DigestComposer.Compose(content, messages.Links(linked)), subscription is not null), null);
    }

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
        var normalised = Normalised(email);
        var subscription = await context.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalised, cancellationToken);
        var linked = subscription ?? new SubscriptionEntity { Id = 0, Email = email, TokenSecret = SubscriptionTokens.NewSecret() };
        return new PreviewedDigest(DigestComposer.Compose(content, messages.Links(linked)), subscription is not null);
    }

    // As subscribing stores it (an international domain in punycode), so the preview finds the same row.
    private static string Normalised(string email) =>
        EmailAddresses.Normalised(EmailAddresses.TryNormalise(email, out var address, out _) ? address : email);
}
