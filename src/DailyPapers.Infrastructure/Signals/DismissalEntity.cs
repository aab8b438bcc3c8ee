namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// "Not interested": the paper leaves the reader's lists and teaches their model what they do not want. When the same
/// paper is also saved, the later of the two decides (both rows are kept, so a race between them loses nothing).
/// </summary>
public sealed class DismissalEntity
{
    public string UserId { get; set; } = "";

    public string PaperId { get; set; } = "";

    public DateTime DismissedAt { get; set; }
}
