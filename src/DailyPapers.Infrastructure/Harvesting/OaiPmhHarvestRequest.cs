namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>One set to harvest. A null <see cref="From"/> means incremental: from the remembered datestamp.</summary>
public sealed record OaiPmhHarvestRequest(string Set)
{
    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>Keep only papers in at least one of these; null or empty keeps every paper of the set.</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }
}
