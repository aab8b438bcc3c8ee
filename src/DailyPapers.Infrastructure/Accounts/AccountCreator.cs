using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// Creates accounts for sign-up and <c>dailypapers user create</c>: Identity's checks, plus a free public handle
/// (the email's local part, then <c>-2</c>, <c>-3</c>… when taken).
/// </summary>
public sealed class AccountCreator(UserManager<UserEntity> users, TimeProvider clock)
{
    public async Task<(UserEntity Account, IdentityResult Result)> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = AccountFactory.New(email, clock);
        var stem = account.Handle;
        var taken = await users.Users.AsNoTracking()
            .Where(u => u.Handle == stem || u.Handle.StartsWith(stem + "-"))
            .Select(u => u.Handle)
            .ToListAsync(cancellationToken);
        account.Handle = account.DisplayName = FreeHandle(stem, taken.ToHashSet(StringComparer.Ordinal));
        try
        {
            return (account, await users.CreateAsync(account, password));
        }
        catch (DbUpdateException)
        {
            // Someone took the same handle a moment ago: one more try with a number nobody is likely to race for.
            var fresh = AccountFactory.New(email, clock);
            fresh.Handle = fresh.DisplayName = $"{stem}-{Random.Shared.Next(1000, 10000)}";
            return (fresh, await users.CreateAsync(fresh, password));
        }
    }

    private static string FreeHandle(string stem, HashSet<string> taken)
    {
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
