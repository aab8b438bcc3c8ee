using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>
/// Signed tokens in email links, so that confirming, managing and unsubscribing need no sign-in. They are protected
/// by the data-protection keys every node shares (in the database) and carry the subscription's id and secret; a
/// confirmation token expires after <see cref="ConfirmationLifetime"/>, a manage token does not (it is in every
/// email, and leaving must always work).
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _confirm = protection.CreateProtector("DailyPapers.Subscriptions.Confirm").ToTimeLimitedDataProtector();
    private readonly IDataProtector _manage = protection.CreateProtector("DailyPapers.Subscriptions.Manage");
    private readonly IDataProtector _alertFeed = protection.CreateProtector("DailyPapers.Subscriptions.AlertFeed");

    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string Confirmation(SubscriptionEntity subscription) =>
        _confirm.Protect(Payload(subscription), clock.GetUtcNow().Add(ConfirmationLifetime));

    public string Manage(SubscriptionEntity subscription) => _manage.Protect(Payload(subscription));

    /// <summary>
    /// The secret part of an alert's feed address: the alert's id and its subscription's secret, signed. It does not
    /// expire (a feed reader keeps the address); removing the alert ends the feed.
    /// </summary>
    public string AlertFeed(SavedSearchEntity alert, SubscriptionEntity subscription) =>
        _alertFeed.Protect(string.Create(CultureInfo.InvariantCulture, $"{alert.Id}:{subscription.TokenSecret}"));

    /// <summary>The alert id and subscription secret an alert feed's token carries; null when it is not one we signed.</summary>
    public (long AlertId, string Secret)? ReadAlertFeed(string? token)
    {
        try
        {
            return token is null ? null : Parse(_alertFeed.Unprotect(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The subscription a confirmation link names and when the link was made; null when it is invalid or expired.</summary>
    public (long Id, string Secret, DateTimeOffset IssuedAt)? ReadConfirmation(string? token)
    {
        try
        {
            if (token is null || Parse(_confirm.Unprotect(token, out var expires)) is not var (id, secret))
            {
                return null;
            }

            return (id, secret, expires - ConfirmationLifetime);
        }
        catch (CryptographicException)
        {
            // Tampered, expired, or signed by keys this store never had.
            return null;
        }
    }

    public (long Id, string Secret)? ReadManage(string? token)
    {
        try
        {
            return token is null ? null : Parse(_manage.Unprotect(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Payload(SubscriptionEntity subscription) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscription.Id}:{subscription.TokenSecret}");

    private static (long, string)? Parse(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (id, payload[(colon + 1)..])
            : null;
    }
}
