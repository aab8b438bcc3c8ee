namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// A personal access token for the JSON API (<c>Authorization: Bearer dp_…</c>). Only its SHA-256 hash is stored:
/// a copy of the database does not hand out anyone's API access.
/// </summary>
public sealed class AccessTokenEntity
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>What the owner called it ("laptop script"), to recognise it in the list.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, shown in the list so the owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
