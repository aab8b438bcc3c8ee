using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>A reader's account: ASP.NET Core Identity's user, stored in the app's own database.</summary>
public sealed class UserEntity : IdentityUser
{
    /// <summary>The name shown beside comments and submissions; the part of the email before the @ until changed.</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
