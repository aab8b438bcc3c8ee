namespace DailyPapers.Infrastructure.Signals;

/// <summary>One paper in one collection, with the reader's note and its place in the reader's order.</summary>
public sealed class SavedPaperEntity
{
    public long CollectionId { get; set; }

    public string PaperId { get; set; } = "";

    /// <summary>Markdown, rendered and sanitised as comments are; empty when there is none.</summary>
    public string Note { get; set; } = "";

    /// <summary>Ascending; new papers go to the top (one less than the smallest).</summary>
    public int Position { get; set; }

    public DateTime SavedAt { get; set; }
}
