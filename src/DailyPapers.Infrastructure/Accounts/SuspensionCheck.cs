using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// Identity's "may this account sign in?" question, answered by moderation: a suspended account (in the
/// <see cref="AccountServiceCollectionExtensions.SuspendedRole"/> role) may not. Nothing of it is deleted.
/// </summary>
public sealed class SuspensionCheck : IUserConfirmation<UserEntity>
{
    public async Task<bool> IsConfirmedAsync(UserManager<UserEntity> manager, UserEntity user) =>
        !await manager.IsInRoleAsync(user, AccountServiceCollectionExtensions.SuspendedRole);
}
