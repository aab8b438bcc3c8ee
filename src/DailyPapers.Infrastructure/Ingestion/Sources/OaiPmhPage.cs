using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>One OAI-PMH response: its records, where the list goes on, and the error the server reported, if any.</summary>
public sealed record OaiPmhPage
{
    public required IReadOnlyList<SourceItem> Items { get; init; }

    /// <summary>The token that fetches the next page; null when the list is complete.</summary>
    public string? ResumptionToken { get; init; }

    /// <summary>Where this page starts in the whole list; arXiv's 2025 server no longer says.</summary>
    public int? Cursor { get; init; }

    /// <summary>The size of the whole list; arXiv's 2025 server no longer says.</summary>
    public int? CompleteListSize { get; init; }

    /// <summary>When the server answered: the next incremental harvest's <c>from</c> is best taken from it.</summary>
    public DateTimeOffset? ResponseDate { get; init; }

    /// <summary>
    /// The OAI-PMH error code (<c>badResumptionToken</c>, <c>badArgument</c>…). <c>noRecordsMatch</c> only means
    /// the list is empty.
    /// </summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
