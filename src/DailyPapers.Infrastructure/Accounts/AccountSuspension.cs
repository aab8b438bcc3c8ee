using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Infrastructure.Accounts;

public enum SuspensionOutcome
{
    Changed,
    AlreadySo,
    Failed,
}

/// <summary>
/// Suspends or restores an account, for <c>dailypapers user suspend|restore</c> and the moderators' page. A suspended
/// account cannot sign in or use its tokens; nothing of it is deleted. A new security stamp signs it out of every
/// browser at their next check (within a minute).
/// </summary>
public sealed class AccountSuspension(UserManager<UserEntity> users, RoleManager<IdentityRole> roles)
{
    public async Task<(SuspensionOutcome Outcome, string? Error)> SetAsync(UserEntity account, bool suspend)
    {
        var role = AccountServiceCollectionExtensions.SuspendedRole;
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        if (await users.IsInRoleAsync(account, role) == suspend)
        {
            return (SuspensionOutcome.AlreadySo, null);
        }

        var result = suspend ? await users.AddToRoleAsync(account, role) : await users.RemoveFromRoleAsync(account, role);
        if (!result.Succeeded)
        {
            return (SuspensionOutcome.Failed, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.UpdateSecurityStampAsync(account);
        return (SuspensionOutcome.Changed, null);
    }
}
