namespace DailyPapers.Core.Papers;

/// <summary>A paper listed on a day by one source, with what that source counted.</summary>
public sealed record ListingRecord(DateOnly Day, ListingSource Source)
{
    /// <summary>Upvotes the source counted (Hugging Face's <c>paper.upvotes</c>); local votes are kept apart.</summary>
    public int Upvotes { get; init; }

    public int NumComments { get; init; }

    /// <summary>Who submitted it to the source's daily list, as the source names them.</summary>
    public string? SubmittedBy { get; init; }

    public DateTimeOffset? ListedAt { get; init; }

    public string? ThumbnailUrl { get; init; }

    /// <summary>
    /// The Hugging Face item as served (compact JSON), kept whole so that the API answers in their exact shape,
    /// fields this code does not model included; null for other sources.
    /// </summary>
    public string? HfItem { get; init; }
}
