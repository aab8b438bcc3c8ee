namespace DailyPapers.Infrastructure.Digests;

/// <summary>A saved-search alert: new papers matching the query (and categories, and a minimum of votes) are mailed.</summary>
public sealed class SavedSearchEntity
{
    public long Id { get; set; }

    public long SubscriptionId { get; set; }

    /// <summary>A query in the search syntax (phrases, au:, ti:, cat:, -word); may be empty when categories are given.</summary>
    public string Query { get; set; } = "";

    /// <summary>arXiv categories separated by spaces; a paper in any of them matches. Empty: any category.</summary>
    public string Categories { get; set; } = "";

    public int MinVotes { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Papers first listed after this day are new to this alert.</summary>
    public DateOnly CoveredUntil { get; set; }
}
