using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>A reader's account: ASP.NET Core Identity's user, stored in the app's own database.</summary>
public sealed class UserEntity : IdentityUser
{
    /// <summary>The name shown beside comments and submissions; the part of the email before the @ until changed.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The unique public name in profile addresses (<c>/users/{handle}</c>): never the email address.</summary>
    public string Handle { get; set; } = "";

    /// <summary>Whether the profile page lists the papers this reader upvoted (off until they choose).</summary>
    public bool VotesArePublic { get; set; }

    public DateTime CreatedAt { get; set; }
}
