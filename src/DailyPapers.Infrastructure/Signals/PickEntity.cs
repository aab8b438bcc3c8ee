namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// A paper the reader ticked as one they like (while setting up their feed, or with "more like this"): a positive
/// signal that is neither a public vote nor a saved paper.
/// </summary>
public sealed class PickEntity
{
    public string UserId { get; set; } = "";

    public string PaperId { get; set; } = "";

    public DateTime PickedAt { get; set; }
}
