namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Where an unfinished ListRecords stopped: enough to ask for the next page after a crash or a failed run, and to
/// tell whether that token still belongs to the list the next run wants.
/// </summary>
public sealed record OaiPmhCheckpoint
{
    public required string BaseUrl { get; init; }

    public required string Set { get; init; }

    public required DateOnly From { get; init; }

    public DateOnly? Until { get; init; }

    public required string ResumptionToken { get; init; }

    /// <summary>The first page's responseDate: the next incremental harvest starts from it, even after a resume.</summary>
    public DateTimeOffset? ListStartedAt { get; init; }

    public int Pages { get; init; }

    public int Records { get; init; }

    public DateTimeOffset SavedAt { get; init; }
}
