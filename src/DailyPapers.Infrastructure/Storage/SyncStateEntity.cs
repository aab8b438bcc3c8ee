namespace DailyPapers.Infrastructure.Storage;

/// <summary>What a background source remembers between runs, such as the last OAI-PMH datestamp harvested.</summary>
public sealed class SyncStateEntity
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
