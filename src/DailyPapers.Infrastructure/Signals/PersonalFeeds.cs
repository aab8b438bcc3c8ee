using System.Security.Cryptography;
using DailyPapers.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// The secret address of a reader's personal feed: the account id and its <c>feed_secret</c>, signed with the keys
/// every node shares. Feed readers cannot sign in, so the address is the credential; resetting it makes a new secret,
/// and the old address answers 404 from then on.
/// </summary>
public sealed class PersonalFeeds(StoreContextFactory store, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DailyPapers.ForYou.Feed");

    /// <summary>The token for the reader's feed address, making the secret on first use; null when there is no such account.</summary>
    public async Task<string?> TokenAsync(string userId, bool reset, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        if (reset)
        {
            await context.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.FeedSecret, NewSecret()), cancellationToken);
        }
        else
        {
            // Only where there is none yet: two first requests at once agree on the one that was written.
            await context.Users.Where(u => u.Id == userId && u.FeedSecret == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.FeedSecret, NewSecret()), cancellationToken);
        }

        var secret = await context.Users.Where(u => u.Id == userId).Select(u => u.FeedSecret).FirstOrDefaultAsync(cancellationToken);
        return secret is null ? null : _protector.Protect($"{userId}\n{secret}");
    }

    /// <summary>The reader a feed token names, while its secret is current; null for anything else.</summary>
    public async Task<string?> ReaderOfAsync(string? token, CancellationToken cancellationToken)
    {
        string payload;
        try
        {
            payload = token is null ? "" : _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 2)
        {
            return null;
        }

        await using var context = store.CreateContext();
        var (userId, secret) = (parts[0], parts[1]);
        return await context.Users.AnyAsync(u => u.Id == userId && u.FeedSecret == secret, cancellationToken) ? userId : null;
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
