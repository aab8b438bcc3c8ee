namespace DailyPapers.Infrastructure.Community;

/// <summary>The <c>Submissions</c> configuration section: the rules for featuring a paper on today's list.</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submissions";

    /// <summary>Papers one reader may submit per (UTC) day.</summary>
    public int PerUserPerDay { get; set; } = 5;

    /// <summary>The oldest a paper (or, for v2 and later, its newest version) may be, in days.</summary>
    public int MaxAgeDays { get; set; } = 14;

    /// <summary>How long to wait for arXiv when the store does not have the paper, before saying to try later.</summary>
    public TimeSpan ArxivTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
