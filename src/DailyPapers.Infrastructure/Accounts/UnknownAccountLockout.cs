using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// Failed sign-ins for addresses that have no account, counted as Identity counts them for accounts that do (the same
/// number of failures, the same lockout time): otherwise "locked for 15 minutes" would appear only for real accounts and
/// tell anyone who tried which addresses have one. Kept in memory, per node, bounded in size.
/// </summary>
public sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _attempts = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Counts a failure for <paramref name="email"/>; true when the address is (now) locked out.</summary>
    public bool Fail(string email)
    {
        var lockout = identity.Value.Lockout;
        var key = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow();
        var attempts = _attempts.TryGetValue(key, out Attempts? seen) && seen is not null ? seen : new Attempts(0, null);
        if (attempts.LockedUntil > now)
        {
            return true;
        }

        var count = attempts.Count + 1;
        var next = count >= lockout.MaxFailedAccessAttempts
            ? new Attempts(0, now + lockout.DefaultLockoutTimeSpan)
            : new Attempts(count, null);
        _attempts.Set(key, next, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = now + lockout.DefaultLockoutTimeSpan });
        return next.LockedUntil is not null;
    }

    public void Dispose() => _attempts.Dispose();

    private sealed record Attempts(int Count, DateTimeOffset? LockedUntil);
}
