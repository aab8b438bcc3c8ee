namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>What one harvest run covers; the defaults are the scheduled run: every feed and every configured set, incrementally.</summary>
public sealed record ArxivHarvestRequest
{
    /// <summary>OAI-PMH sets; null means the sets holding the configured categories.</summary>
    public IReadOnlyList<string>? Sets { get; init; }

    /// <summary>Null means incremental: from each set's remembered datestamp, or today − InitialDays the first time.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>Whether to read the announcement feeds of the configured categories too.</summary>
    public bool IncludeFeeds { get; init; } = true;
}
