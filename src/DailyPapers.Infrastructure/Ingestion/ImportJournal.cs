using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// What an import records as it goes besides the papers: where it has got to, committed with each batch so that a
/// rerun goes on from there, and every rejection as it happens (the summary keeps only the first ones in memory).
/// Both are called on the parsing thread.
/// </summary>
public sealed class ImportJournal
{
    /// <summary>Where the input stands after the last item read; null where the input cannot be resumed.</summary>
    public Func<ImportCheckpoint?>? Checkpoint { get; init; }

    public Action<RejectedItem>? Rejected { get; init; }
}
