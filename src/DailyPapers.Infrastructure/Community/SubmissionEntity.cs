namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// A reader featured a paper on a day's list (the listing itself is a <c>curated</c> row in <c>listings</c>). One per
/// paper and arXiv version: a new version may be featured once more.
/// </summary>
public sealed class SubmissionEntity
{
    public long Id { get; set; }

    public string PaperId { get; set; } = "";

    /// <summary>The arXiv version featured.</summary>
    public int Version { get; set; }

    public string UserId { get; set; } = "";

    public DateOnly Day { get; set; }

    /// <summary>Why the submitter thinks it worth reading, shown on the paper page.</summary>
    public string? Comment { get; set; }

    public DateTime CreatedAt { get; set; }
}
