using System.ComponentModel;

namespace DailyPapers.Api;

/// <summary>Whom a personal access token belongs to (<see cref="AccountApi"/>).</summary>
public sealed record WhoAmIJson(
    [property: Description("The account's user name (its email address).")] string? Name,
    [property: Description("Whether the account administers the site.")] bool IsAdmin);
