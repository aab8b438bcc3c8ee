namespace DailyPapers.Infrastructure.Accounts;

/// <summary>A new account as sign-up and <c>dailypapers user create</c> make it: the email is also the user name.</summary>
public static class AccountFactory
{
    public static UserEntity New(string email, TimeProvider clock)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return new UserEntity
        {
            UserName = trimmed,
            Email = trimmed,
            DisplayName = at > 0 ? trimmed[..Math.Min(at, 100)] : trimmed[..Math.Min(trimmed.Length, 100)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
