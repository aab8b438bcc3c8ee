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

    /// <summary>How many days back "for you" looks: 1, 3 or 7.</summary>
    public int ForYouDays { get; set; } = 3;

    /// <summary>
    /// How much "for you" follows the reader's own model rather than trending: 0 (trending only) to 100. 100 until
    /// the reader moves it: in the offline evaluation any share of votes made the personal ranking worse
    /// (ReaderModelOptions.CommunityWeight, docs/benchmarks.md).
    /// </summary>
    public int ForYouPersonalWeight { get; set; } = 100;

    /// <summary>
    /// Counts the changes to the reader's signals (saves, picks, "not interested", follows, votes): a model trained
    /// at one count is current until it moves, on every node.
    /// </summary>
    public long SignalsVersion { get; set; }

    /// <summary>
    /// The secret in the address of the reader's personal feed (<c>/feeds/for-you/{token}</c>); made on first use, and
    /// replaced when the reader resets the address, which ends the old one. Null until then.
    /// </summary>
    public string? FeedSecret { get; set; }
}
